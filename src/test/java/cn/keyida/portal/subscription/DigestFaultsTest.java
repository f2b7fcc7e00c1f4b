package cn.keyida.portal.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentChanged;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.content.ContentStatus;
import cn.keyida.portal.content.ContentType;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Security #5: one bad saved search is that subscription's failure; every other subscription still gets its mail. */
@QuarkusTest
class DigestFaultsTest {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SearchIndexer indexer;

    @Inject
    Event<ContentChanged> changed;

    @Test
    void aSavedSearchThatNoLongerParsesDoesNotStopTheLaterDigestsOrReminders() {
        String word = "坏订阅" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String subject = "digest-faults-" + word; // nobody's account: no other test's page lists these
        // Saved before facet values were checked: the row holds what no longer parses.
        long bad = QuarkusTransaction.requiringNew().call(() -> saved(subject, "q=" + word + "&year=abc"));
        long good = QuarkusTransaction.requiringNew().call(() -> saved(subject, "q=" + word));
        assertThat(bad).isLessThan(good);
        long item = QuarkusTransaction.requiringNew().call(() -> {
            ContentItem i = new ContentItem();
            i.slug = ("bad-sub-" + word.substring(3)).toLowerCase().replaceAll("[^a-z0-9-]", "x");
            i.type = ContentType.POLICY;
            i.title = "关于" + word + "的政策";
            i.status = ContentStatus.PUBLISHED;
            i.expiryDate = LocalDate.now().plusDays(10);
            i.persist();
            changed.fire(new ContentChanged(i.id, i.slug, ContentChanged.Change.IMPORTED, false, true));
            return i.id;
        });
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));

        subscriptions.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(mails(good, "订阅更新")).as("the later subscription's digest").isEqualTo(1);
        assertThat(mails(bad, "订阅更新")).isZero();

        subscriptions.remind(LocalDate.now());
        assertThat(mails(good, "即将失效")).as("the later subscription's reminder").isEqualTo(1);
        assertThat(item).isPositive();
        // The list page still shows the bad one, so its owner can delete it.
        assertThat(QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>findById(bad).describe()))
                .contains("year=abc");
    }

    private static long saved(String subject, String query) {
        Subscription s = new Subscription();
        s.subject = subject;
        s.email = "enterprise2@example.com";
        s.query = query;
        s.frequency = Subscription.Frequency.IMMEDIATE;
        s.unsubscribeToken = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(32));
        s.watermark = Instant.now().minus(Duration.ofHours(1));
        s.persist();
        return s.id;
    }

    private static long mails(long subscription, String subjectPart) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = Subscription.findById(subscription);
            return MailOutbox.count("body like ?1 and subject like ?2", "%" + s.unsubscribeToken + "%", "%" + subjectPart + "%");
        });
    }
}
