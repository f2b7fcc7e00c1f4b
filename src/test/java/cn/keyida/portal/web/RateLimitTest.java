package cn.keyida.portal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void searchBeyondTheLimitGets429WithRetryAfterAndAChineseMessage() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(given().queryParam("q", "创新券").get("/api/search").statusCode());
        }
        assertThat(codes).contains(429);
        given().queryParam("q", "创新券").get("/api/search").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType(containsString("application/problem+json")).body(containsString("请求过于频繁"));
        given().get("/search?q=x").then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("请求过于频繁"));
        // other pages are not limited
        given().get("/").then().statusCode(200);
    }

    @Test
    void loginAndCallbackLinksAreLimited() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            codes.add(given().redirects().follow(false).get("/callback/" + "B".repeat(43)).statusCode());
        }
        assertThat(codes).startsWith(410).contains(429);
    }
}
