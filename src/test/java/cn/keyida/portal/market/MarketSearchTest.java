package cn.keyida.portal.market;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Published market items are content of type achievement/demand in the one search; taken down, they leave it. */
@QuarkusTest
class MarketSearchTest {

    @Inject
    MarketWorkflow workflow;

    @Inject
    SearchIndexer indexer;

    @Test
    void publishedAchievementIsFoundWithItsFieldAndLeavesTheIndexWhenTakenDown() {
        String uni = MarketFixtures.university();
        String word = "蓝莓花青素微胶囊";
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni,
                MarketFixtures.achievement(word + "制备技术", "10", "以蓝莓为原料提取花青素并微胶囊化，提高稳定性。",
                        "技术转让", "25"), "x");
        a = workflow.submit(a.id, uni, a.version, "x");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs(word)).doesNotContain(a.slug()); // not published yet
        a = workflow.approve(a.id, a.version, "", "x");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        List<String> found = slugs(word);
        assertThat(found).contains(a.slug());
        given().get("/api/search?q=" + word + "&type=achievement&category=现代农业与食品").then().statusCode(200)
                .body(containsString(a.slug()), containsString("/market/achievements/" + a.id));

        // The public page shows the contact only to logged-in users.
        UserSession.anonymous().open("/market/achievements/" + a.id).then().statusCode(200)
                .body(containsString(word), not(containsString("13900002222")), containsString("登录"));
        new UserSession("enterprise1").open("/market/achievements/" + a.id).then().statusCode(200)
                .body(containsString("13900002222"), containsString("申请对接"));

        workflow.takeDownOwn(a.id, uni, a.version, "已转让", "x");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        assertThat(slugs(word)).doesNotContain(a.slug());
        UserSession.anonymous().open("/market/achievements/" + a.id).then().statusCode(404);
    }

    private static List<String> slugs(String q) {
        return given().get("/api/search?q=" + q + "&type=achievement").then().statusCode(200)
                .extract().jsonPath().getList("hits.slug", String.class);
    }
}
