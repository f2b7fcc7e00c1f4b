package cn.keyida.portal.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A mail waiting to be sent. Written in the transaction of the change that causes it, so a need is
 * stored even while the mail server is down; {@link MailSender} delivers and retries.
 */
@Entity
@Table(name = "mail_outbox")
public class MailOutbox extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String recipient;
    public String subject;
    public String body;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    /**
     * The one-click unsubscribe address of a subscription mail: sent as List-Unsubscribe with
     * List-Unsubscribe-Post (RFC 8058), so mail programs offer their own unsubscribe button.
     */
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    /** Set when the mail can never be sent (see {@link MailSender}): it is not retried. */
    @Column(name = "failed_at")
    public Instant failedAt;

    /** Queues a mail; must run inside the transaction of the change it reports. */
    public static void queue(String recipient, String subject, String body) {
        queue(recipient, subject, body, (String) null);
    }

    /** Queues a mail a recipient can unsubscribe from with one click at {@code unsubscribeUrl}. */
    public static void queue(String recipient, String subject, String body, String unsubscribeUrl) {
        if (!hasRecipient(recipient)) {
            return;
        }
        create(recipient, subject, body, unsubscribeUrl);
    }

    private static MailOutbox create(String recipient, String subject, String body, String unsubscribeUrl) {
        MailOutbox m = new MailOutbox();
        m.recipient = recipient;
        m.subject = subject;
        m.body = body;
        m.unsubscribeUrl = unsubscribeUrl;
        m.createdAt = Instant.now();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        return m;
    }

    /** Queues a mail with files attached (an event's .ics), in the caller's transaction. */
    public static void queue(String recipient, String subject, String body, java.util.List<MailAttachment.File> files) {
        if (!hasRecipient(recipient)) {
            return;
        }
        MailOutbox m = create(recipient, subject, body, null);
        for (MailAttachment.File f : files) {
            MailAttachment a = new MailAttachment();
            a.mailId = m.id;
            a.fileName = f.fileName();
            a.contentType = f.contentType();
            a.content = f.content();
            a.persist();
        }
    }

    /**
     * Queues a mail through the caller's JDBC connection, in its transaction: for a path that stores its
     * change with plain JDBC (the need submission) rather than through Hibernate.
     */
    public static void queue(Connection c, String recipient, String subject, String body) throws SQLException {
        if (!hasRecipient(recipient)) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into mail_outbox (recipient, subject, body, created_at, next_attempt_at)
                values (?, ?, ?, now(), now())""")) {
            st.setString(1, recipient);
            st.setString(2, subject);
            st.setString(3, body);
            st.executeUpdate();
        }
    }

    /** Whether a mail to this address is queued at all: a profile or staff member may have none. */
    public static boolean hasRecipient(String recipient) {
        return recipient != null && !recipient.isBlank();
    }

    /**
     * Queues a mail at most once for {@code dedupeKey}, whichever instance asks first (scheduled
     * reminders run on every instance). Returns whether it was queued.
     */
    public static boolean queueOnce(String dedupeKey, String recipient, String subject, String body) {
        return queueOnce(dedupeKey, recipient, subject, body, null);
    }

    /** {@link #queueOnce(String, String, String, String)} with a one-click unsubscribe address. */
    public static boolean queueOnce(String dedupeKey, String recipient, String subject, String body,
            String unsubscribeUrl) {
        return getEntityManager().createNativeQuery("""
                insert into mail_outbox (recipient, subject, body, dedupe_key, unsubscribe_url)
                values (:r, :s, :b, :k, :u)
                on conflict (dedupe_key) do nothing""")
                .setParameter("r", recipient).setParameter("s", subject).setParameter("b", body)
                .setParameter("k", dedupeKey).setParameter("u", unsubscribeUrl).executeUpdate() == 1;
    }
}
