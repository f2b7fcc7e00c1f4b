package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.content.ContentRecord;
import cn.keyida.portal.content.ContentService;
import cn.keyida.portal.support.SampleData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Stops the real Elasticsearch node, edits content, restarts it with the launcher: nothing is lost. */
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
    void editMadeWhileElasticsearchIsDownIsSearchableAfterItReturns() throws Exception {
        SampleData.importAndIndex(importer, indexer);
        stopElasticsearch();
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
            startElasticsearch();
        }
        // no manual step: the indexer retries on its own
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            var r = given().queryParam("q", "停机期间发布的金融产品").get("/api/search");
            if (r.statusCode() == 200 && r.jsonPath().getList("hits.slug", String.class).stream()
                    .anyMatch(s -> s.startsWith("fin-outage-"))) {
                break;
            }
            assertThat(System.nanoTime()).as("edit searchable within 45 s after the restart").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void stopElasticsearch() throws Exception {
        String nodes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:9200/_nodes/_local/process?filter_path=nodes.*.process.id")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(nodes);
        assertThat(m.find()).as("Elasticsearch process id in %s", nodes).isTrue();
        ProcessHandle es = ProcessHandle.of(Long.parseLong(m.group(1))).orElseThrow();
        es.destroy();
        es.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void startElasticsearch() throws Exception {
        Process launcher = new ProcessBuilder("./portal", "stack", "up").inheritIO().start();
        assertThat(launcher.waitFor()).as("./portal stack up").isZero();
    }
}
