package cn.keyida.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.UserSession;
import cn.keyida.portal.web.RateLimited.Budget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Flood protection per client address, with low limits so the test is quick. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.rate-limit.search-per-minute", "5", "portal.rate-limit.login-per-minute", "3",
                    "portal.rate-limit.needs-per-minute", "2");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitConfig config;

    @Test
    void searchBeyondTheLimitGets429WithRetryAfterAndAChineseMessage() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(given().queryParam("q", "创新券").get("/api/search").statusCode());
        }
        assertThat(codes).contains(429);
        given().queryParam("q", "创新券").get("/api/search").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .contentType(containsString("application/problem+json")).body(containsString("请求过于频繁"));
        given().get("/search?q=x").then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("请求过于频繁"));
        // other pages are not limited
        given().get("/").then().statusCode(200);
    }

    /** Security #3: the limits belong to the resource methods, so no spelling of the path escapes them. */
    @Test
    void trailingSlashVariantsDrawOnTheSameBudget() {
        for (String path : List.of("/api/search/", "/search/", "/api/suggest/", "/search.atom/")) {
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                codes.add(given().queryParam("q", "创新券").get(path).statusCode());
            }
            assertThat(codes).as(path).contains(429);
        }
    }

    /** Security #3: the need submission's budget holds for {@code POST /my/needs/} too. */
    @Test
    void needSubmissionWithATrailingSlashIsLimited() {
        Enterprises.enterpriseA();
        UserSession enterprise = new UserSession("enterprise1");
        enterprise.open("/my/needs/new");
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // an empty title: refused with 400 until the budget of 2 is spent
            codes.add(enterprise.multipart().multiPart("category", "TECH").multiPart("title", "")
                    .multiPart("description", "描述").post("/my/needs/").statusCode());
        }
        assertThat(codes).containsSubsequence(400, 400, 429);
    }

    @Test
    void loginAndCallbackLinksAreLimited() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            codes.add(given().redirects().follow(false).get("/callback/" + "B".repeat(43)).statusCode());
        }
        assertThat(codes).startsWith(410).contains(429);
    }

    /**
     * Security #3: buckets live in PostgreSQL, so two instances (two limiters over the same table)
     * share one budget instead of doubling it.
     */
    @Test
    void twoInstancesShareOneBudget() {
        RateLimiter first = new RateLimiter(config, dataSource);
        RateLimiter second = new RateLimiter(config, dataSource);
        String client = "192.0.2." + (UUID.randomUUID().hashCode() & 0xff) + "-" + UUID.randomUUID();
        int allowed = 0;
        OptionalLong refused = OptionalLong.empty();
        for (int i = 0; i < 10; i++) {
            OptionalLong r = (i % 2 == 0 ? first : second).tryConsume(Budget.SEARCH, client);
            if (r.isEmpty()) {
                allowed++;
            } else {
                refused = r;
            }
        }
        assertThat(allowed).isEqualTo(5);
        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        // another client has a budget of its own
        assertThat(second.tryConsume(Budget.SEARCH, client + "-other")).isEmpty();
    }
}
