package cn.keyida.portal.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import cn.keyida.portal.content.ContentItem;
import java.time.Instant;
import java.util.List;

/** An in-site message (站内消息) to an enterprise: a new match or a reminder about a matched item. */
@Entity
@Table(name = "enterprise_message")
public class EnterpriseMessage extends PanacheEntityBase {

    public enum Kind {
        MATCH("政策匹配"), DEADLINE("申报截止提醒"), EXPIRING("政策即将失效");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String subject;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "content_id")
    public ContentItem item;

    public String title;
    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    /**
     * Writes the message once per {@code dedupeKey}, whichever transaction or instance asks first;
     * returns whether this call wrote it.
     */
    static boolean sendOnce(String dedupeKey, String subject, Kind kind, long contentId, String title, String body) {
        return getEntityManager().createNativeQuery("""
                insert into enterprise_message (subject, kind, content_id, title, body, dedupe_key)
                values (:s, :k, :c, :t, :b, :d) on conflict (dedupe_key) do nothing""")
                .setParameter("s", subject).setParameter("k", kind.name()).setParameter("c", contentId)
                .setParameter("t", title).setParameter("b", body).setParameter("d", dedupeKey)
                .executeUpdate() == 1;
    }

    public static List<EnterpriseMessage> latest(String subject, int limit) {
        return find("from EnterpriseMessage m join fetch m.item where m.subject = ?1 order by m.createdAt desc, m.id desc",
                subject).page(0, limit).list();
    }
}
