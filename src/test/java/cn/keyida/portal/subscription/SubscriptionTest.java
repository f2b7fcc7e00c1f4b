package cn.keyida.portal.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentChanged;
import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.content.ContentStatus;
import cn.keyida.portal.content.ContentType;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Mailbox;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Saved searches: exact digests, reminders, and the one-click unsubscribe that needs no login. */
@QuarkusTest
class SubscriptionTest {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SearchIndexer indexer;

    /** Items are written directly here; announcing them as content does lets search index them. */
    @Inject
    Event<ContentChanged> changed;

    @Test
    void aDailyDigestHoldsExactlyTheNewAndChangedItemsSinceTheLastOne() {
        String word = "订阅词" + Long.toString(System.nanoTime(), 36).toUpperCase();
        UserSession enterprise = new UserSession("enterprise1");
        String subject = Enterprises.subject("enterprise1");
        enterprise.open("/search?q=" + word + "&type=policy").then().statusCode(200);
        enterprise.form().formParam("query", "q=" + word + "&type=policy").formParam("frequency", "DAILY")
                .post("/subscriptions").then().statusCode(303);
        Subscription sub = QuarkusTransaction.requiringNew().call(() ->
                Subscription.<Subscription>find("subject = ?1 and query like ?2", subject, "%type=policy%").list()
                        .stream().filter(s -> s.describe().contains(word)).findFirst().orElseThrow());
        assertThat(sub.email).isEqualTo("enterprise1@example.com");
        assertThat(enterprise.request().get("/subscriptions").asString()).contains(word, "每日");

        long p1 = item(word + "-p1", ContentType.POLICY, "关于" + word + "的政策一");
        item(word + "-f1", ContentType.FINANCE, "关于" + word + "的金融产品"); // other type: filtered out
        item(word + "-p0", ContentType.POLICY, "无关的政策");                  // other words: not matched
        indexed();

        Instant day1 = Instant.now().plus(Duration.ofHours(25));
        // Other tests' subscriptions may be due now; this one must not be.
        subscriptions.deliverDue(Instant.now());
        assertThat(digests(sub)).as("not due before a day has passed").isEmpty();
        subscriptions.deliverDue(day1);
        List<MailOutbox> first = digests(sub);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).body).contains("【新发布】1 条", "关于" + word + "的政策一", "/subscriptions/unsubscribe/" + sub.unsubscribeToken)
                .doesNotContain("金融产品", "无关的政策", "【内容有更新】");

        // Next day: one new item, one changed; the first item is not repeated unless it changed.
        long p2 = item(word + "-p2", ContentType.POLICY, "关于" + word + "的政策二");
        QuarkusTransaction.requiringNew().run(() -> {
            ContentItem i = ContentItem.findById(p1);
            i.summary = "修订了申报条件";
            changed.fire(new ContentChanged(i.id, i.slug, ContentChanged.Change.EDITED, true, true));
        });
        indexed();
        subscriptions.deliverDue(day1.plus(Duration.ofHours(25)));
        List<MailOutbox> both = digests(sub);
        assertThat(both).hasSize(2);
        String second = both.get(1).body;
        assertThat(second).contains("【新发布】1 条\n· 关于" + word + "的政策二", "【内容有更新】1 条\n· 关于" + word + "的政策一");
        assertThat(p2).isPositive();

        // Security #9: the delivered mail offers one-click unsubscribe to mail programs (RFC 8058).
        assertThat(first.get(0).unsubscribeUrl).isEqualTo(subscriptions.unsubscribeUrl(sub));
        String headers = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> Mailbox.headers(sub.email, "订阅更新：“" + word + "”"), java.util.Optional::isPresent).orElseThrow();
        assertThat(headers).contains("List-Unsubscribe: <" + subscriptions.unsubscribeUrl(sub) + ">",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(subscriptions.unsubscribeUrl(sub)).startsWith("http").contains("/subscriptions/unsubscribe/");

        // Nothing new: no mail, even when due.
        subscriptions.deliverDue(day1.plus(Duration.ofDays(3)));
        assertThat(digests(sub)).hasSize(2);
    }

    @Test
    void unsubscribeWorksWithoutLoginAndOnlyForThatSubscription() {
        String subject = Enterprises.subject("enterprise2");
        Subscription one = subscriptions.create(subject, "enterprise2@example.com", "q=退订测试一", "WEEKLY");
        Subscription two = subscriptions.create(subject, "enterprise2@example.com", "q=退订测试二", "DAILY");

        // Security #9: opening the link (GET, HEAD: what mail scanners do) only asks.
        String link = "/subscriptions/unsubscribe/" + one.unsubscribeToken;
        String page = UserSession.anonymous().request().get(link).then().statusCode(200).extract().asString();
        assertThat(page).contains("确认退订", "退订测试一", "method=\"post\" action=\"" + link + "\"");
        UserSession.anonymous().request().head(link).then().statusCode(200);
        UserSession.anonymous().request().get(link + "/").then().statusCode(200);
        assertThat(exists(one.id)).isTrue();
        // The button (a logged-out visitor, no CSRF token) or a mail program's one-click POST removes it.
        String done = UserSession.anonymous().request().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post(link).then().statusCode(200).extract().asString();
        assertThat(done).contains("已退订", "退订测试一");
        assertThat(exists(one.id)).isFalse();
        assertThat(exists(two.id)).isTrue();
        // The same link again, or a made-up one, changes nothing else.
        assertThat(UserSession.anonymous().request().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post(link).then().statusCode(200).extract().asString())
                .contains("退订链接无效");
        assertThat(UserSession.anonymous().request().get(link).asString()).contains("退订链接无效");
        UserSession.anonymous().request().multiPart("List-Unsubscribe", "One-Click")
                .post("/subscriptions/unsubscribe/" + "f".repeat(64)).then().statusCode(200);
        assertThat(exists(two.id)).isTrue();

        // Another user cannot change or delete it; its owner can.
        UserSession other = new UserSession("enterprise1");
        other.open("/subscriptions");
        other.form().post("/subscriptions/" + two.id + "/delete").then().statusCode(404);
        other.form().formParam("frequency", "WEEKLY").post("/subscriptions/" + two.id).then().statusCode(404);
        assertThat(exists(two.id)).isTrue();
        UserSession owner = new UserSession("enterprise2");
        owner.open("/subscriptions");
        owner.form().formParam("frequency", "bogus").post("/subscriptions/" + two.id).then().statusCode(400);
        owner.form().post("/subscriptions/" + two.id + "/delete").then().statusCode(303);
        assertThat(exists(two.id)).isFalse();
    }

    @Test
    void subscribersAreRemindedOfDeadlinesOnceAndBadQueriesAreRefused() {
        String word = "截止词" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String subject = Enterprises.subject("enterprise2");
        Subscription sub = subscriptions.create(subject, "enterprise2@example.com", "q=" + word, "WEEKLY");
        long id = item(word + "-d", ContentType.POLICY, "关于" + word + "的即将失效政策");
        QuarkusTransaction.requiringNew().run(() -> ContentItem.<ContentItem>findById(id).expiryDate = LocalDate.now().plusDays(10));
        item(word + "-far", ContentType.POLICY, "关于" + word + "的长期政策");
        indexed();
        LocalDate today = LocalDate.now();
        subscriptions.remind(today);
        subscriptions.remind(today);
        List<MailOutbox> reminders = QuarkusTransaction.requiringNew().call(() ->
                MailOutbox.<MailOutbox>list("dedupeKey like ?1", "sub-remind:" + sub.id + ":%"));
        assertThat(reminders).singleElement().satisfies(m -> {
            assertThat(m.subject).contains("政策即将失效", "即将失效政策");
            assertThat(m.body).contains("/subscriptions/unsubscribe/" + sub.unsubscribeToken);
        });

        UserSession user = new UserSession("enterprise2");
        user.open("/subscriptions");
        long before = QuarkusTransaction.requiringNew().call(() -> Subscription.count("subject", subject));
        user.form().formParam("query", "q=x&size=abc").formParam("frequency", "DAILY").post("/subscriptions")
                .then().statusCode(400);
        user.form().formParam("query", "q=x").formParam("frequency", "HOURLY").post("/subscriptions")
                .then().statusCode(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Subscription.count("subject", subject))).isEqualTo(before);
    }

    private void indexed() {
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
    }

    private long item(String slug, ContentType type, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = new ContentItem();
            item.slug = slug.toLowerCase().replaceAll("[^a-z0-9-]", "x");
            item.type = type;
            item.title = title;
            item.status = ContentStatus.PUBLISHED;
            item.persist();
            changed.fire(new ContentChanged(item.id, item.slug, ContentChanged.Change.IMPORTED, false, true));
            return item.id;
        });
    }

    private static List<MailOutbox> digests(Subscription sub) {
        return QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list(
                "recipient = ?1 and body like ?2 order by id", sub.email, "%" + sub.unsubscribeToken + "%"));
    }

    private static boolean exists(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.findById(id) != null);
    }
}
