package cn.keyida.portal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.support.Mailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox, sent by the test alone (no scheduled sender racing it). */
@QuarkusTest
@TestProfile(MailOutboxFaultsTest.NoScheduledSender.class)
class MailOutboxFaultsTest {

    public static class NoScheduledSender implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    MailSender sender;

    /** Security #5: a mail that can never be sent is marked failed; the rest of the batch still goes. */
    @Test
    void aPermanentlyBadMailIsSetAsideAndTheBatchGoesOn() {
        String tag = Long.toString(System.nanoTime(), 36);
        long first = queue("outbox-a@example.com", "第一封 " + tag);
        long badSubject = queue("outbox-a@example.com", "坏主题 " + tag + "\r\nBcc: victim@example.com");
        long badAddress = queue("not an address", "坏地址 " + tag);
        long last = queue("outbox-b@example.com", "最后一封 " + tag);

        sender.sendDue();
        assertThat(row(first).sentAt).isNotNull();
        assertThat(row(last).sentAt).as("the mail after the bad ones, in the same round").isNotNull();
        for (long bad : new long[] {badSubject, badAddress}) {
            MailOutbox m = row(bad);
            assertThat(m.sentAt).isNull();
            assertThat(m.failedAt).isNotNull();
            assertThat(m.attempts).isEqualTo(1);
            assertThat(m.lastError).doesNotContain("\n", "\r");
        }
        Mailbox.await("outbox-b@example.com", m -> m.subject().contains("最后一封 " + tag), Duration.ofSeconds(20));

        // Not retried: a later round leaves them alone.
        QuarkusTransaction.requiringNew().run(() ->
                MailOutbox.update("nextAttemptAt = ?1 where id in ?2", java.time.Instant.now().minusSeconds(1),
                        java.util.List.of(badSubject, badAddress)));
        sender.sendDue();
        assertThat(row(badSubject).attempts).isEqualTo(1);
        assertThat(row(badAddress).attempts).isEqualTo(1);
    }

    @Test
    void transientErrorsStayRetryable() {
        assertThat(MailSender.permanent(new java.util.concurrent.CompletionException(new java.net.ConnectException("refused"))))
                .isFalse();
        assertThat(MailSender.permanent(new java.util.concurrent.CompletionException(
                new io.vertx.ext.mail.SMTPException("451 try later", 451, java.util.List.of("try later"), false)))).isFalse();
        assertThat(MailSender.permanent(new java.util.concurrent.CompletionException(
                new io.vertx.ext.mail.SMTPException("550 no such user", 550, java.util.List.of("no such user"), false)))).isTrue();
        assertThat(MailSender.permanent(new IllegalArgumentException("Single-line text contains the LF char"))).isTrue();
    }

    private static long queue(String to, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MailOutbox.queue(to, subject, "正文");
            return MailOutbox.<MailOutbox>find("subject", subject).firstResult().id;
        });
    }

    private static MailOutbox row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>findById(id));
    }
}
