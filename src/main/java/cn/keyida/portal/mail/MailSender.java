package cn.keyida.portal.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends queued mail over SMTP. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} so several
 * instances never send one mail twice; failures stay queued and are retried with backoff, except a
 * mail that can never be sent, which is marked failed so it blocks nothing.
 */
@ApplicationScoped
public class MailSender {

    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Mailer mailer;
    private final EntityManager em;

    MailSender(Mailer mailer, EntityManager em) {
        this.mailer = mailer;
        this.em = em;
    }

    @Scheduled(every = "{portal.mail.send-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            Log.warnf("Mail sender will retry: %s", e.getMessage());
        }
    }

    /** Sends every due mail; returns how many went out. */
    public int sendDue() {
        int sent = 0;
        int n;
        while ((n = QuarkusTransaction.requiringNew().call(this::sendBatch)) > 0) {
            sent += n;
        }
        return sent;
    }

    private int sendBatch() {
        @SuppressWarnings("unchecked")
        List<MailOutbox> due = em.createNativeQuery("""
                select * from mail_outbox where sent_at is null and failed_at is null and next_attempt_at <= now()
                order by id limit :n for update skip locked""", MailOutbox.class)
                .setParameter("n", BATCH).getResultList();
        List<Long> sent = new ArrayList<>(due.size());
        boolean failed = false;
        for (MailOutbox m : due) {
            try {
                mailer.send(mail(m));
                sent.add(m.id);
            } catch (RuntimeException e) {
                m.attempts++;
                m.lastError = oneLine(e);
                if (permanent(e)) { // this mail will never go out: set it aside, the others still go
                    m.failedAt = Instant.now();
                    Log.errorf("Mail %d cannot be sent and is not retried: %s", m.id, m.lastError);
                    continue;
                }
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), 5L << Math.min(m.attempts, 10));
                m.nextAttemptAt = Instant.now().plusSeconds(seconds);
                Log.warnf("Mail %d to the outbox again (attempt %d): %s", m.id, m.attempts, m.lastError);
                failed = true; // stop this round: the server is probably down
                break;
            }
        }
        if (!sent.isEmpty()) { // one statement for the batch, not one update per mail; an array (ARCHITECTURE.md)
            em.createNativeQuery("update mail_outbox set sent_at = clock_timestamp() where id = any(cast(:ids as bigint[]))")
                    .setParameter("ids", sent.toArray(Long[]::new)).executeUpdate();
        }
        return failed ? -1 - sent.size() : sent.size();
    }

    private static Mail mail(MailOutbox m) {
        Mail mail = Mail.withText(m.recipient, m.subject, m.body);
        if (m.unsubscribeUrl != null) { // RFC 8058: mail programs POST to it, without any page or login
            mail.addHeader("List-Unsubscribe", "<" + m.unsubscribeUrl + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        for (MailAttachment a : MailAttachment.of(m.id)) {
            mail.addAttachment(a.fileName, a.content, a.contentType);
        }
        return mail;
    }

    /**
     * Whether retrying cannot help: the mail itself is refused before it leaves (an invalid address,
     * a line break in the subject: IllegalArgumentException from the mailer), or the server answered
     * with a permanent (5xx) reply. Anything else (no connection, a timeout, a 4xx) is retried.
     */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** The error for the row and the log, without the line breaks a bad subject may bring along. */
    private static String oneLine(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        text = text.replace("\r", "\\r").replace("\n", "\\n").replaceAll("\\p{Cc}", "?");
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
