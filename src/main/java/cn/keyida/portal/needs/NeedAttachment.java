package cn.keyida.portal.needs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An attachment, stored in PostgreSQL (never under the web root), type checked by content. */
@Entity
@Table(name = "need_attachment")
public class NeedAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "need_id")
    public Long needId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    public long size;
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<NeedAttachment> forNeed(long needId) {
        return list("needId = ?1 order by id", needId);
    }
}
