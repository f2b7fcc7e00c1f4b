package cn.keyida.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.support.UserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Issue 24, finding 15: what the portal tells about itself, and what it takes from the request. */
@QuarkusTest
class PublicAddressTest {

    static final String BASE = "http://localhost:" + RestAssured.port;

    @Test
    void aForgedHostIsNotReflectedInRedirects() {
        Response login = given().redirects().follow(false).header("Host", "evil.example").get("/login?next=/my/needs");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).startsWith("http://localhost:8081/login/start").doesNotContain("evil");
        Response start = new UserSession("enterprise1").request().header("Host", "evil.example").get("/login/start?next=/my");
        assertThat(start.header("Location")).isEqualTo("http://localhost:8081/my");
        // the OIDC code flow's redirect_uri, too
        Response challenge = given().redirects().follow(false).header("Host", "evil.example").get("/my/needs");
        assertThat(challenge.statusCode()).isEqualTo(302);
        assertThat(challenge.header("Location")).contains("/protocol/openid-connect/auth")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A8081%2F").doesNotContain("evil");
    }

    @Test
    void healthShowsStatusWithoutInternalAddresses() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live"}) {
            String body = given().get(path).then().extract().asString();
            assertThat(body).as(path).contains("\"status\"").doesNotContain("http://", "https://", ":8180", ":9200",
                    ":5432", "jdbc:");
        }
    }

    @Test
    void anonymousStaffApiCallsGetA401ProblemNotALoginPage() {
        Response r = given().redirects().follow(false).get("/api/staff/search-request?q=x");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.asString()).contains("需要登录");
        assertThat(given().redirects().follow(false).contentType("application/json").body("{}")
                .put("/api/staff/content/x").statusCode()).isEqualTo(401);
    }

    @Test
    void tagLinksAreUrlEncoded() {
        String url = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            var item = new cn.keyida.portal.content.ContentItem();
            item.slug = "fin-tag-link-" + System.nanoTime();
            item.type = cn.keyida.portal.content.ContentType.FINANCE;
            item.title = "标签链接测试";
            item.status = cn.keyida.portal.content.ContentStatus.PUBLISHED;
            item.tags = new java.util.ArrayList<>(java.util.List.of("研发&type=policy#x"));
            item.persist();
            return item.url();
        });
        String html = given().get(url).then().statusCode(200).extract().asString();
        assertThat(html).contains("href=\"/search?q=%E7%A0%94%E5%8F%91%26type%3Dpolicy%23x\"");
    }

    @Test
    void valuesInLinksAreUrlEncoded() {
        assertThat(TemplateExtensions.param("A&B #1+2 创新")).isEqualTo("A%26B%20%231%2B2%20%E5%88%9B%E6%96%B0");
        assertThat(TemplateExtensions.param(null)).isEmpty();
    }
}
