package cn.keyida.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Relevance and facets on the real sample corpus, through the public API. */
@QuarkusTest
class SearchQualityTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @BeforeEach
    void corpus() {
        SampleData.importAndIndex(importer, indexer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "高企认定条件 | pol-gaoqi-rending-tiaojian-art11",
        "研发费用加计扣除 | pol-yanfa-jiaji-wenjian-tixi pol-kjxzxqy-jiaji-100-2022",
        "创新券 | pol-hebei-chuangxinquan-shishi-xize",
        "科技特派员 | tal-guojia-kejitepaiyuan-zhidu tal-sc-kejitepaiyuan-fuwutuan",
        "天府科创贷 | fin-tianfu-kechuangdai",
        "高企 | pol-gaoqi-rending-banfa-2016 pol-gaoqi-rending-tiaojian-art11",
        "加计扣除 | pol-yanfa-jiaji-wenjian-tixi pol-kjxzxqy-jiaji-100-2022",
    })
    void obviouslyRightRecordIsInTheTopThree(String q, String expected) {
        List<String> top3 = slugs(search(Map.of("q", q, "size", "3")));
        assertThat(top3).as("top 3 for %s", q).containsAnyElementsOf(List.of(expected.trim().split("\\s+")));
    }

    @Test
    void everyFacetCountEqualsTheNumberOfRecordsItFilters() {
        JsonPath all = search(Map.of("q", "科技", "size", "1"));
        Map<String, List<Map<String, Object>>> facets = all.getMap("facets");
        assertThat(facets.get("type")).hasSizeGreaterThan(2);
        int checked = 0;
        for (var facet : facets.entrySet()) {
            for (Map<String, Object> bucket : facet.getValue()) {
                JsonPath filtered = search(Map.of("q", "科技", "size", "1", facet.getKey(), bucket.get("value").toString()));
                assertThat(filtered.getLong("total")).as("%s=%s", facet.getKey(), bucket.get("value"))
                        .isEqualTo(((Number) bucket.get("count")).longValue());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void filtersCombineAcrossFacetsAndWithinOne() {
        long policies = search(Map.of("q", "孵化器", "type", "policy")).getLong("total");
        long sichuanPolicies = search(Map.of("q", "孵化器", "type", "policy", "region", "四川省")).getLong("total");
        assertThat(sichuanPolicies).isPositive().isLessThan(policies);
        JsonPath either = given().queryParam("q", "科技").queryParam("type", "finance", "talent").get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(either.getList("hits.type", String.class)).isNotEmpty().allMatch(t -> t.equals("finance") || t.equals("talent"));
    }

    @Test
    void homeCityAndValidPoliciesRankFirstAtComparableRelevance() {
        List<String> slugs = slugs(search(Map.of("q", "科技特派员", "size", "10")));
        // the Sichuan service team before the Yunnan measures on the same topic
        assertThat(slugs.indexOf("tal-sc-kejitepaiyuan-fuwutuan"))
                .isLessThan(slugs.indexOf("pol-yunnan-kejitepaiyuan-guanli-banfa-2023"));
    }

    @Test
    void hitsCarryHighlightsAndStableUrls() {
        JsonPath r = search(Map.of("q", "天府科创贷", "size", "1"));
        assertThat(r.getString("hits[0].url")).isEqualTo("/finance/fin-tianfu-kechuangdai");
        assertThat(r.getString("hits[0].highlight.title[0]")).contains("<mark>");
    }

    @Test
    void bodyPassagesMarkTheQueryInWellAndPartialMatches() {
        JsonPath well = search(Map.of("q", "科技特派员", "size", "3"));
        assertThat(well.getString("hits[0].highlight.body[0]")).contains("<mark>");
        JsonPath partial = search(Map.of("q", "科技特派员 火星基地", "size", "3"));
        assertThat(partial.getLong("total")).isZero();
        assertThat(partial.getBoolean("hits[0].partial")).isTrue();
        assertThat(partial.getString("hits[0].highlight.body[0]")).contains("<mark>");
    }

    @Test
    void suggestCompletesPartialChineseWords() {
        List<String> titles = given().queryParam("q", "孵化").get("/api/suggest").then().statusCode(200)
                .extract().jsonPath().getList("title", String.class);
        assertThat(titles).isNotEmpty().allMatch(t -> t.contains("孵化"));
    }

    static JsonPath search(Map<String, String> params) {
        return given().queryParams(params).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    static List<String> slugs(JsonPath r) {
        return r.getList("hits.slug", String.class);
    }
}
