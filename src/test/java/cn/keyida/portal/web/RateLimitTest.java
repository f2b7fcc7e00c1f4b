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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Flood protection per client address, with low limits so the test is quick. The test client
 * (127.0.0.1) is the trusted proxy here; 127.0.0.2 plays a client that is not.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.rate-limit.search-per-minute", "5", "portal.rate-limit.login-per-minute", "3",
                    "portal.rate-limit.needs-per-minute", "2", "quarkus.http.proxy.trusted-proxies", "127.0.0.1/32");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitConfig config;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

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

    /** Security #4: behind a trusted balancer, each visitor has a budget of their own. */
    @Test
    void aTrustedProxysForwardedAddressIsTheClient() {
        String visitor = "198.51.100." + (1 + (UUID.randomUUID().hashCode() & 0x7f));
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            codes.add(given().header("X-Forwarded-For", visitor).queryParam("q", "x").get("/api/suggest").statusCode());
        }
        // (200, or 503 while this run has no index yet: only 429 matters here)
        assertThat(codes.subList(0, 5)).doesNotContain(429);
        assertThat(codes).contains(429);
        // the next visitor through the same balancer is not refused for the first one's requests
        given().header("X-Forwarded-For", "203.0.113.200").queryParam("q", "x").get("/api/suggest").then()
                .statusCode(org.hamcrest.Matchers.not(429));
    }

    /** Security #4: a client that is not a trusted proxy cannot pick a fresh address per request. */
    @Test
    void anUntrustedClientsForwardedForIsIgnored() throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            codes.add(getFrom("127.0.0.2", "/api/suggest?q=x", "X-Forwarded-For: 203.0.113." + (i + 1)));
        }
        assertThat(codes.get(0)).isNotEqualTo(429);
        assertThat(codes).contains(429);
    }

    /** A plain HTTP/1.1 GET from a chosen local address (RestAssured cannot bind one); returns the status. */
    private int getFrom(String localAddress, String path, String header) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
