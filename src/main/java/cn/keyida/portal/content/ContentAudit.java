package cn.keyida.portal.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a content item's append-only audit trail. */
@Entity
@Immutable
@Table(name = "content_audit")
public class ContentAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "content_audit_id")
    @SequenceGenerator(name = "content_audit_id", sequenceName = "content_audit_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "content_id")
    public Long contentId;

    public String actor;
    public Instant at;
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Change> changes;

    public record Change(String field, String from, String to) {}

    static void record(ContentItem item, String actor, String action, List<Change> changes) {
        ContentAudit a = new ContentAudit();
        a.contentId = item.id;
        a.actor = actor;
        a.at = Instant.now();
        a.action = action;
        a.changes = changes;
        a.persist();
    }

    /**
     * Newest first, by time: ids come in blocks of 50 per app instance, so with two instances a later entry
     * can have the smaller id.
     */
    public static List<ContentAudit> trail(long contentId) {
        return list("contentId = ?1 order by at desc, id desc", contentId);
    }
}
