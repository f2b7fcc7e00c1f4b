package cn.keyida.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomePageTest {

    @Inject
    ContentImport importer;

    @Test
    void homePageListsImportedContentInChinese() {
        SampleData.importCorpus(importer);
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"),
                        containsString("科技政策"),
                        containsString("/policies/"),
                        containsString("/finance/"));
    }

    @Test
    void detailPageShowsAllFieldsAndSource() {
        SampleData.importCorpus(importer);
        given().get("/policies/pol-gaoqi-rending-banfa-2016").then().statusCode(200)
                .body(containsString("国科发火〔2016〕32号"), containsString("kjt.fujian.gov.cn"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().get("/search?q=创新券").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
    }

    @Test
    void sessionAndCsrfCookiesAreHttpOnly() {
        String cookie = given().redirects().follow(false).get("/staff").then().statusCode(302)
                .extract().header("Set-Cookie");
        org.assertj.core.api.Assertions.assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void unknownItemIsAChinese404Page() {
        given().get("/policies/no-such-policy").then().statusCode(404).body(containsString("页面不存在"));
    }

    @Test
    void readinessReportsDatabaseSearchAndIdentityProvider() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Elasticsearch cluster health check", "OIDC provider"));
    }
}
