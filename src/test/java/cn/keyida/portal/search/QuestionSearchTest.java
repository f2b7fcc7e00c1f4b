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

/** Questions as enterprises ask them: filler words, spaces, several aspects, typos, honest counts. */
@QuarkusTest
class QuestionSearchTest {

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @Inject
    QueryAnalyzer analyzer;

    @BeforeEach
    void corpus() {
        SampleData.importAndIndex(importer, indexer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"研发投入后补助 怎么申请", "知识产权质押融资 如何办理", "高新技术企业 有哪些优惠"})
    void aSpaceDoesNotChangeTheResults(String spaced) {
        List<String> withSpace = slugs(search(Map.of("q", spaced, "size", "5")));
        List<String> without = slugs(search(Map.of("q", spaced.replace(" ", ""), "size", "5")));
        assertThat(withSpace).isNotEmpty().isEqualTo(without);
    }

    @Test
    void questionWordsAreRecognisedAndNeverRequired() {
        QueryAnalyzer.Analysis a = analyzer.analyze("研发投入后补助 怎么申请");
        // 申请 (申报, 办理) asks how, as 怎么 does: the policy need not say it
        assertThat(a.fillers()).containsExactly("怎么", "申请");
        assertThat(a.aspects()).extracting(x -> x.variants().get(0)).containsExactly("研发投入后补助");
        assertThat(a.aspects().get(0).variants()).contains("后补助");
        assertThat(slugs(search(Map.of("q", "研发投入后补助 怎么申请", "size", "1"))))
                .containsExactly("pol-sc-jili-yanfa-touru-houbuzhu");
        // 材料 is a filler word, 新材料 is not
        assertThat(analyzer.analyze("新材料").aspects()).isNotEmpty();
        // the question word alone adds nothing required: the same records as without it
        long plain = search(Map.of("q", "高新技术企业")).getLong("total");
        long asked = search(Map.of("q", "高新技术企业怎么样")).getLong("total");
        assertThat(asked).isPositive().isEqualTo(plain);
    }

    @Test
    void recordsWithEveryAspectComeFirstThenPartialMatches() {
        JsonPath r = search(Map.of("q", "天府科创贷 有机肥", "size", "20"));
        // no record is about both: nothing matches well, but the page is not empty
        assertThat(r.getLong("total")).isZero();
        assertThat(r.getLong("partialTotal")).isPositive();
        assertThat(r.getList("hits.partial", Boolean.class)).isNotEmpty().allMatch(p -> p);
        JsonPath both = search(Map.of("q", "天府科创贷 贴息", "size", "10"));
        List<Boolean> partial = both.getList("hits.partial", Boolean.class);
        assertThat(both.getLong("total")).isPositive();
        // well-matching first, partial after
        assertThat(partial.indexOf(true) < 0 || partial.subList(partial.indexOf(true), partial.size()).stream().allMatch(p -> p))
                .isTrue();
        assertThat(both.getList("hits.title", String.class).get(0)).contains("天府科创贷");
    }

    @Test
    void aSingleWordCountsOnlyTheRecordsAboutIt() {
        long all = search(Map.of("q", "")).getLong("total");
        JsonPath r = search(Map.of("q", "创新券"));
        assertThat(r.getLong("total")).isPositive().isLessThan(all / 10);
        assertThat(r.getList("hits.slug", String.class).get(0)).isEqualTo("pol-hebei-chuangxinquan-shishi-xize");
    }

    @Test
    void aOneCharacterTypoIsCorrected() {
        JsonPath r = search(Map.of("q", "创新卷"));
        assertThat(r.getString("correction")).isEqualTo("创新券");
        String page = given().queryParam("q", "创新卷").get("/search").then().statusCode(200).extract().asString();
        assertThat(page).contains("您是不是要找").contains("创新券");
        assertThat(search(Map.of("q", "创新券")).getString("correction")).isNull();
    }

    @Test
    void thePageShowsPartialMatchesUnderTheirOwnHeading() {
        String page = given().queryParam("q", "天府科创贷 有机肥").get("/search").then().statusCode(200).extract().asString();
        assertThat(page).contains("共找到 0 条结果").contains("部分匹配").contains("/finance/fin-tianfu-kechuangdai");
    }

    @Test
    void suggestUnderstandsAWholeQuestion() {
        List<String> titles = given().queryParam("q", "天府科创贷怎么申请").get("/api/suggest").then().statusCode(200)
                .extract().jsonPath().getList("title", String.class);
        assertThat(titles).isNotEmpty().anyMatch(t -> t.contains("天府科创贷"));
    }

    static JsonPath search(Map<String, String> params) {
        return given().queryParams(params).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    static List<String> slugs(JsonPath r) {
        return r.getList("hits.slug", String.class);
    }
}
