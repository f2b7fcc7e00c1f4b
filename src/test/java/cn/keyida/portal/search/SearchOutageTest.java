package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.content.ContentRecord;
import cn.keyida.portal.content.ContentService;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.Stack;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Stops the real Elasticsearch node and restarts it with the launcher, editing content meanwhile: nothing is lost. */
@QuarkusTest
class SearchOutageTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @Inject
    ContentService content;

    @Inject
    ObjectMapper json;

    @Test
    void editMadeWhileElasticsearchIsDownIsSearchableAfterItReturns() {
        SampleData.importAndIndex(importer, indexer);
        Stack.stop(Stack.Service.ELASTICSEARCH);
        try {
            // search says so clearly, everything else keeps working
            given().queryParam("q", "创新券").get("/api/search").then().statusCode(503)
                    .contentType(containsString("application/problem+json")).body(containsString("搜索服务暂时不可用"));
            given().queryParam("q", "创新券").get("/search").then().statusCode(503)
                    .body(containsString("搜索服务暂时不可用"));
            given().get("/").then().statusCode(200);
            given().get("/finance/fin-tianfu-kechuangdai").then().statusCode(200);

            String word = "zz" + ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            ContentRecord record = json.convertValue(Map.of("id", "fin-outage-" + word, "type", "finance",
                    "title", "停机期间发布的金融产品" + word, "region", "广元市"), ContentRecord.class);
            assertThat(content.upsert(record, "测试")).isEqualTo(ContentService.Outcome.CREATED);
        } finally {
            Stack.start(Stack.Service.ELASTICSEARCH);
        }
        // no manual step: the indexer retries on its own
        await("edit searchable after the restart").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var r = given().queryParam("q", "停机期间发布的金融产品").get("/api/search");
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.jsonPath().getList("hits.slug", String.class)).anyMatch(s -> s.startsWith("fin-outage-"));
                });
    }
}
