package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedEvent;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.subscription.Subscription;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Tokens;
import cn.keyida.portal.support.UserSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 2: a state-changing request needs the signed token of the user's own session,
 * whatever its content type, and never comes from another site.
 */
@QuarkusTest
class CsrfTest {

    static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    NeedSubmission needs;

    @Test
    void aPostWithoutContentTypeIsRejectedEvenWithAFormBody() throws Exception {
        Enterprises.enterpriseA();
        String subject = Enterprises.subject("enterprise1");
        int before = subscriptions(subject);
        HttpResponse<String> r = post("/subscriptions", Tokens.accessToken("enterprise1"), null, null,
                "query=" + URLEncoder.encode("q=无类型", StandardCharsets.UTF_8) + "&frequency=DAILY");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("请刷新页面");
        assertThat(subscriptions(subject)).isEqualTo(before);

        Need need = needs.submit(subject, new NeedSubmission.Submission("TECH", "CSRF 测试需求", "描述", "", BigDecimal.ONE,
                null, true), List.of(), "王建国（enterprise1）").orElseThrow();
        long events = events(need.id);
        r = post("/staff/needs/" + need.id + "/accept", Tokens.accessToken("staff1"), null, null,
                "version=0&note=" + URLEncoder.encode("无类型受理", StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(events(need.id)).isEqualTo(events);
    }

    @Test
    void aPlantedCookieWithTheSameValueInTheFormIsNoToken() {
        Enterprises.enterpriseA();
        String forged = "A".repeat(43);
        new UserSession("enterprise1").request().cookie("csrf-token", forged).formParam("csrf-token", forged)
                .formParam("query", "q=伪造").formParam("frequency", "DAILY").post("/subscriptions")
                .then().statusCode(400).body(containsString("请刷新页面"));
    }

    @Test
    void aTokenOfAnotherUserIsRefused() throws Exception {
        Enterprises.enterpriseA();
        Enterprises.enterpriseB();
        var page = new UserSession("enterprise2").open("/my/profile");
        String token = token(page.asString());
        String cookie = "csrf-token=" + page.getCookie("csrf-token");
        String form = "csrf-token=" + token + "&query=" + URLEncoder.encode("q=别人的令牌", StandardCharsets.UTF_8)
                + "&frequency=DAILY";
        assertThat(post("/subscriptions", Tokens.accessToken("enterprise1"), FORM, cookie, form).statusCode()).isEqualTo(400);
        // the same pair works for its own user
        assertThat(post("/subscriptions", Tokens.accessToken("enterprise2"), FORM, cookie, form).statusCode()).isEqualTo(303);
    }

    @Test
    void requestsFromAnotherSiteAreForbiddenAndTheOwnOriginPasses() throws Exception {
        Enterprises.enterpriseA();
        String bearer = Tokens.accessToken("enterprise1");
        var page = new UserSession("enterprise1").open("/my/profile");
        String cookie = "csrf-token=" + page.getCookie("csrf-token");
        String form = "csrf-token=" + token(page.asString()) + "&query=" + URLEncoder.encode("q=来源", StandardCharsets.UTF_8)
                + "&frequency=DAILY";
        HttpResponse<String> evil = HTTP.send(request("/subscriptions", bearer, FORM, cookie, form)
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).contains("其他网站");
        HttpResponse<String> fetchMeta = HTTP.send(request("/subscriptions", bearer, FORM, cookie, form)
                .header("Sec-Fetch-Site", "cross-site").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fetchMeta.statusCode()).isEqualTo(403);
        HttpResponse<String> own = HTTP.send(request("/subscriptions", bearer, FORM, cookie, form)
                .header("Origin", "http://localhost:" + RestAssured.port).header("Sec-Fetch-Site", "same-origin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(303);
    }

    @Test
    void theTokenStaysTheSameAcrossPagesOfOneSession() {
        Enterprises.enterpriseA();
        UserSession s = new UserSession("enterprise1");
        var first = s.open("/my/profile");
        String cookie = first.getCookie("csrf-token");
        // a second page (or a search-as-you-type request) with the same cookie keeps the first form valid
        var second = s.request().cookie("csrf-token", cookie).get("/my/needs/new");
        assertThat(second.getCookie("csrf-token")).isNull();
        assertThat(token(second.asString())).isEqualTo(token(first.asString()));
    }

    @Test
    void bearerApiCallsAndTheClickBeaconNeedNoToken() {
        RestAssured.given().contentType("text/plain").body("{\"q\":\"创新券\",\"slug\":\"pol-csrf-beacon\"}")
                .post("/api/search/click").then().statusCode(204);
        RestAssured.given().contentType("text/plain").header("Origin", "https://evil.example")
                .body("{\"q\":\"创新券\",\"slug\":\"pol-csrf-beacon\"}").post("/api/search/click").then().statusCode(403);
    }

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private static HttpRequest.Builder request(String path, String bearer, String type, String cookie, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + bearer);
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private static HttpResponse<String> post(String path, String bearer, String type, String cookie, String body)
            throws Exception {
        return HTTP.send(request(path, bearer, type, cookie, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int subscriptions(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.listFor(subject).size());
    }

    private static long events(long needId) {
        return QuarkusTransaction.requiringNew().call(() -> NeedEvent.count("needId", needId));
    }
}
