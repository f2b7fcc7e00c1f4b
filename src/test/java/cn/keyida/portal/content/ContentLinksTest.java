package cn.keyida.portal.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.support.SampleData;
import cn.keyida.portal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Supersession, interpretations, validity and personal contact data, imported in the import format. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentLinksTest {

    static final String WORD = "zzlinksqwv";

    @Inject
    ContentImport importer;

    @Inject
    SearchIndexer indexer;

    @BeforeAll
    void records() {
        String expired = LocalDate.now().minusYears(1).toString();
        String jsonl = String.join("\n",
                "{\"id\": \"pol-links-old\", \"type\": \"policy\", \"title\": \"" + WORD + "资金管理办法（2019年版）\", \"region\": \"广元市\", \"level\": \"municipal\", \"publish_date\": \"2019-01-01\", \"expiry_date\": \"" + expired + "\"}",
                "{\"id\": \"pol-links-new\", \"type\": \"policy\", \"title\": \"" + WORD + "资金管理办法（2024年版）\", \"region\": \"广元市\", \"level\": \"municipal\", \"publish_date\": \"2024-01-01\", \"supersedes\": \"pol-links-old\"}",
                "{\"id\": \"pol-links-jiedu\", \"type\": \"policy\", \"title\": \"一图读懂" + WORD + "资金管理办法\", \"region\": \"广元市\", \"interprets\": \"pol-links-new\"}",
                "{\"id\": \"tal-links-expert\", \"type\": \"talent\", \"title\": \"" + WORD + "专家服务团\", \"contact\": \"联系人 王老师 13900001111\"}");
        ContentImport.Report report = importer.importJsonl(new BufferedReader(new StringReader(jsonl)), "测试导入");
        assertThat(report.errors()).isEmpty();
        SampleData.awaitIndexed(indexer, Duration.ofSeconds(30));
    }

    @Test
    void supersededPolicyShowsItsReplacementAndExpiry() {
        given().get("/policies/pol-links-old").then().statusCode(200)
                .body(containsString("已被替代"), containsString("/policies/pol-links-new"), containsString("已失效"));
        given().get("/policies/pol-links-new").then().statusCode(200)
                .body(containsString("本文件替代"), containsString("/policies/pol-links-old"), containsString("有效"));
    }

    @Test
    void policyPageListsItsInterpretations() {
        given().get("/policies/pol-links-new").then().statusCode(200)
                .body(containsString("政策解读"), containsString("/policies/pol-links-jiedu"));
    }

    @Test
    void currentVersionRanksBeforeTheOneItReplaced() {
        List<String> slugs = given().queryParam("q", WORD + "资金管理办法").get("/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.slug", String.class);
        assertThat(slugs).contains("pol-links-old", "pol-links-new");
        assertThat(slugs.indexOf("pol-links-new")).isLessThan(slugs.indexOf("pol-links-old"));
    }

    @Test
    void contactDataOnlyForLoggedInUsersAndNeverInSearch() {
        given().get("/talent/tal-links-expert").then().statusCode(200)
                .body(not(containsString("13900001111")), containsString("登录后查看"));
        given().auth().oauth2(Tokens.accessToken("enterprise1")).get("/talent/tal-links-expert").then()
                .statusCode(200).body(containsString("13900001111"));
        given().queryParam("q", WORD).get("/api/search").then().statusCode(200)
                .body(containsString("tal-links-expert"), not(containsString("13900001111")));
        given().queryParam("q", "13900001111").get("/api/search").then().statusCode(200)
                .body(not(containsString("tal-links-expert")));
    }
}
