package cn.keyida.portal.market;

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

/** A file of an achievement's registration (PDF or image), checked by its content on upload. */
@Entity
@Table(name = "market_attachment")
public class MarketAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    public long size;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The list without the files' bytes. */
    public record Info(long id, String fileName, String contentType, long size) {}

    static List<Info> of(long itemId) {
        return getEntityManager().createQuery("select new cn.keyida.portal.market.MarketAttachment$Info(a.id, a.fileName, "
                + "a.contentType, a.size) from MarketAttachment a where a.itemId = ?1 order by a.id", Info.class)
                .setParameter(1, itemId).getResultList();
    }
}
