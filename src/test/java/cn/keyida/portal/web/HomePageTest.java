package cn.keyida.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.keyida.portal.content.ContentImport;
import cn.keyida.portal.support.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
    void homePageServesTheCityFirstWithItsServicesAndAFooterOfRealLinks() {
        SampleData.importCorpus(importer);
        Document home = Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());
        assertThat(home.select("nav.services a").eachAttr("href"))
                .contains("/matching", "/my/needs/new").anyMatch(h -> h.contains("region=%E5%B9%BF%E5%85%83%E5%B8%82"));
        // Each card: the city's items, then the province's, then national ones, other places last.
        for (String type : List.of("policy", "achievement", "finance")) {
            List<Integer> tiers = home.select("#sec-" + type + " ~ ul li .meta").eachText().stream()
                    .map(m -> m.startsWith("广元市") ? 0 : m.startsWith("四川省") ? 1 : m.startsWith("全国") ? 2 : 3).toList();
            assertThat(tiers).as(type).isNotEmpty().hasSizeLessThanOrEqualTo(6).isSorted();
        }
        // The sample has enough 广元市, 四川省 and national policies to fill the card: no other city's.
        assertThat(home.select("#sec-policy ~ ul li .meta").eachText()).hasSize(6).allMatch(m -> m.matches("^(广元市|四川省|全国).*"));
        assertThat(home.select("#sec-achievement ~ ul li .meta").eachText()).filteredOn(m -> m.startsWith("广元市")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(home.select("footer a").eachAttr("href"))
                .contains("/sitemap", "/contact", "/accessibility", "/open-api").doesNotContain("/q/swagger-ui");
        assertThat(home.select("footer").text()).doesNotContain("占位", "XXXX");
        for (String page : List.of("/sitemap", "/contact", "/accessibility")) {
            String html = given().get(page).then().statusCode(200).contentType(containsString("text/html")).extract().asString();
            assertThat(Jsoup.parse(html).select("h1").text()).as(page).isIn("网站地图", "联系我们", "无障碍声明");
        }
        assertThat(given().get("/contact").asString()).contains("0839-12345", "广元市科学技术局");
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
