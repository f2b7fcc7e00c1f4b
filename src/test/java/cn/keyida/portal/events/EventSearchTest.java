package cn.keyida.portal.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.subscription.Subscription;
import cn.keyida.portal.subscription.SubscriptionService;
import cn.keyida.portal.support.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events in the one search (type event, the 活动时间 facet), in the Atom feed and in saved-search digests:
 * published events are indexed through the outbox, cancelled ones leave the index.
 */
@QuarkusTest
class EventSearchTest {

    @Inject
    EventService service;

    @Inject
    SearchIndexer indexer;

    @Inject
    SubscriptionService subscriptions;

    @Test
    void publishedEventsAreSearchableWithTheDateFacetAndCancelledOnesLeaveTheIndex() {
        String word = "氢能装备" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Event draft = service.create(EventTestData.input(word + "专场对接会", 10), "测试");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs("q=" + word)).as("a draft is not searchable").isEmpty();

        Event e = service.publish(draft.id, draft.version, "测试");
        // the outbox row was written in the publishing transaction
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs("q=" + word)).containsExactly("event-" + e.id);
        assertThat(slugs("q=" + word + "&type=event&when=next7")).containsExactly("event-" + e.id);
        assertThat(slugs("q=" + word + "&type=event&when=month").isEmpty())
                .isEqualTo(!cn.keyida.portal.common.PortalClock.dayOf(e.startsAt).withDayOfMonth(1)
                        .equals(java.time.LocalDate.now(cn.keyida.portal.common.PortalClock.ZONE).withDayOfMonth(1)));
        assertThat(slugs("q=" + word + "&when=past")).isEmpty();
        // the facet offers the ranges that hold events, with Chinese names on the page
        List<String> when = given().get("/api/search?q=" + word).then().statusCode(200).extract().jsonPath()
                .getList("facets.when.value", String.class);
        assertThat(when).contains("next7").doesNotContain("past");
        given().get("/search?q=" + word).then().statusCode(200)
                .body(containsString("活动时间"), containsString("未来7天"), containsString("/events/" + e.id));
        given().get("/search?q=x&when=tomorrow").then().statusCode(400);
        given().get("/feeds/event.atom").then().statusCode(200).body(containsString(word));
        given().get("/search.atom?q=" + word + "&type=event").then().statusCode(200)
                .body(containsString("/events/" + e.id));

        // an event that has ended is under 已结束, no longer under 未来7天
        QuarkusTransaction.requiringNew().run(() -> {
            Event x = Event.findById(e.id);
            x.startsAt = Instant.now().minus(Duration.ofDays(3));
            x.endsAt = Instant.now().minus(Duration.ofDays(3)).plus(Duration.ofHours(2));
            x.registrationOpens = x.startsAt.minus(Duration.ofDays(5));
            x.registrationCloses = x.startsAt;
        });
        Event moved = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(e.id));
        Event finished = service.finish(e.id, moved.version, "测试");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs("q=" + word + "&when=past")).containsExactly("event-" + e.id);
        assertThat(slugs("q=" + word + "&when=next7")).isEmpty();
        assertThat(finished.status).isEqualTo(EventStatus.FINISHED);

        Event other = EventTestData.published(word + "政策宣讲会", 5);
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs("q=" + word)).contains("event-" + other.id);
        Event current = QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(other.id));
        service.cancel(other.id, current.version, "时间调整", "测试");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs("q=" + word)).doesNotContain("event-" + other.id);
    }

    @Test
    void aSavedSearchForEventsMailsANewlyPublishedEvent() {
        String word = "智能农机" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Subscription sub = subscriptions.create("event-digest-" + word, "digest-" + word.toLowerCase() + "@example.com",
                "q=" + word + "&type=event", "IMMEDIATE");
        Event e = EventTestData.published(word + "培训", 5);
        EventTestData.published("无关活动" + word.substring(4), 5);
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        subscriptions.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
        List<String> bodies = QuarkusTransaction.requiringNew().call(() -> MailOutbox.<MailOutbox>list(
                "recipient", sub.email).stream().map(m -> m.body).toList());
        assertThat(bodies).singleElement().asString().contains("【新发布】1 条", word + "培训", "/events/" + e.id)
                .doesNotContain("无关活动");
    }

    /** The well-matching hits (not the 部分匹配 ones that continue a short list). */
    private static List<String> slugs(String query) {
        return given().get("/api/search?" + query).then().statusCode(200).extract().jsonPath()
                .getList("hits.findAll { !it.partial }.slug", String.class);
    }
}
