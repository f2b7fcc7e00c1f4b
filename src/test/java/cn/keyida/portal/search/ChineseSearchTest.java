package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChineseSearchTest {

    @Inject
    ElasticsearchClient client;

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @BeforeEach
    void corpus() {
        SampleData.importAndIndex(importer, indexer);
    }

    @Test
    void smartcnSegmentsChineseIntoWords() throws Exception {
        List<String> tokens = client.indices()
                .analyze(a -> a.analyzer("smartcn").text("高新技术企业认定管理办法"))
                .tokens().stream().map(AnalyzeToken::token).toList();
        assertThat(tokens).containsExactly("高新技术", "企业", "认定", "管理", "办法");
    }

    @Test
    void contentIndexUsesWordSegmentation() throws Exception {
        List<String> tokens = client.indices()
                .analyze(a -> a.index("keyida-test-content").field("title").text("科技型中小企业评价"))
                .tokens().stream().map(AnalyzeToken::token).toList();
        assertThat(tokens).contains("科技型", "中小企业", "评价");
    }

    @Test
    void chineseDocumentFoundByWordQuery() {
        JsonPath result = given().queryParam("q", "科技特派员").get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("total")).isPositive();
        assertThat(result.getList("hits.slug", String.class).subList(0, 3))
                .allMatch(slug -> slug.contains("kejitepaiyuan"));
        assertThat(result.getList("hits.title", String.class).get(0)).contains("科技特派员");
    }
}
