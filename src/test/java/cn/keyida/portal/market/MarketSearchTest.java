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

    @Test
    void marketFacetsCountFieldModeMaturityAndBandAndFilterByThem() {
        String uni = MarketFixtures.university();
        String word = "沙棘黄酮超临界萃取";
        java.util.Map<String, String> form = MarketFixtures.achievement(word + "技术", "04", "采用超临界二氧化碳萃取沙棘黄酮。",
                "技术许可\n作价入股", "60");
        form.put("maturity", "7");
        MarketItem a = workflow.create(MarketKind.ACHIEVEMENT, MarketWorkflow.OwnerKind.INSTITUTION, uni, form, "x");
        a = workflow.submit(a.id, uni, a.version, "x");
        a = workflow.approve(a.id, a.version, "", "x");
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
        var json = given().get("/api/search?q=" + word + "&type=achievement").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("facets.category.value", String.class)).contains("生物产业");
        assertThat(json.getList("facets.mode.value", String.class)).contains("技术许可", "作价入股")
                .allMatch(MarketItems.MODES::contains);
        assertThat(json.getList("facets.maturity.value", String.class)).contains("7级 完成使用环境中演示")
                .allMatch(v -> v.matches("[1-9]级 .*"));
        assertThat(json.getList("facets.band.value", String.class)).contains("50–100万元").doesNotContain("技术许可");
        // Each facet filters: the right value keeps the item, another drops it.
        assertThat(given().get("/api/search?q=" + word + "&type=achievement&maturity=7级 完成使用环境中演示&band=50–100万元&mode=作价入股")
                .then().statusCode(200).extract().jsonPath().getList("hits.slug", String.class)).contains(a.slug());
        assertThat(given().get("/api/search?q=" + word + "&type=achievement&band=10万元以下")
                .then().statusCode(200).extract().jsonPath().getList("hits.slug", String.class)).doesNotContain(a.slug());
        assertThat(given().get("/api/search?q=" + word + "&type=achievement&mode=技术开发")
                .then().statusCode(200).extract().jsonPath().getList("hits.slug", String.class)).doesNotContain(a.slug());
        // The search page offers them under their Chinese names.
        given().get("/search?q=" + word + "&type=achievement").then().statusCode(200)
                .body(containsString("技术成熟度"), containsString("合作/转化方式"), containsString("预算/价格"));
    }

    private static List<String> slugs(String q) {
        return given().get("/api/search?q=" + q + "&type=achievement").then().statusCode(200)
                .extract().jsonPath().getList("hits.slug", String.class);
    }
}
