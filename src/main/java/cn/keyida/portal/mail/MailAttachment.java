package cn.keyida.portal.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A file sent with a queued mail, stored in the mail's transaction and deleted with it (cascade). */
@Entity
@Table(name = "mail_attachment")
public class MailAttachment extends PanacheEntityBase {

    /** What a feature hands to {@link MailOutbox#queue(String, String, String, List)}. */
    public record File(String fileName, String contentType, byte[] content) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mail_id")
    public long mailId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    public byte[] content;

    static List<MailAttachment> of(long mailId) {
        return list("mailId = ?1 order by id", mailId);
    }
}
