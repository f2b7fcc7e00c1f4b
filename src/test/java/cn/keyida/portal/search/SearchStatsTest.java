package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.UserSession;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Search logs feed the staff page; synonyms edited there change search within the cache time. */
@QuarkusTest
class SearchStatsTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @Inject
    SearchLog log;

    @Test
    void staffSeeTopAndZeroResultQueries() {
        for (int i = 0; i < 3; i++) {
            given().queryParam("q", "孵化器").get("/api/search").then().statusCode(200);
        }
        given().queryParam("q", "zzqueryfindsnothing").get("/search").then().statusCode(200)
                .body(containsString("没有找到"), containsString("热门搜索"));
        given().contentType("text/plain").body("{\"q\":\"孵化器\",\"slug\":\"pol-guoji-fuhuaqi-guanli-banfa\"}")
                .post("/api/search/click").then().statusCode(204);
        // The log is written in batches every 2 s; on a busy machine a batch may come later.
        UserSession staff = new UserSession("staff1");
        List<String> expected = List.of("孵化器", "zzqueryfindsnothing", "pol-guoji-fuhuaqi-guanli-banfa");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).pollInSameThread().untilAsserted(() -> {
            log.flush();
            assertThat(staff.open("/staff/search").then().statusCode(200).extract().asString()).contains(expected);
        });
    }

    @Test
    void staffAddedSynonymExpandsSearch() {
        SampleData.importAndIndex(importer, indexer);
        UserSession staff = new UserSession("staff1");
        staff.open("/staff/search");
        staff.form().formParam("terms", "zzgyjbl，揭榜挂帅").post("/staff/search/synonyms").then().statusCode(303);
        given().queryParam("q", "zzgyjbl").get("/api/search").then().statusCode(200)
                .body(containsString("dem-gy-leida-xinxi-jishu-chuli"));
        staff.open("/staff/search");
        staff.form().formParam("terms", "只有一个").post("/staff/search/synonyms").then().statusCode(400)
                .body(containsString("至少填写两个"));
    }

    @Test
    void clickWithBadBodyIsRejected() {
        given().contentType("text/plain").body("{\"slug\":\"<script>\"}").post("/api/search/click")
                .then().statusCode(400);
    }
}
