package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.content.ContentStatus;
import cn.keyida.portal.content.ContentType;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedAttachment;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.subscription.SubscriptionService;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Tokens;
import cn.keyida.portal.support.UserSession;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route of the application against every role, with real Keycloak tokens: the expected
 * outcome of each pair is in {@code authorization-matrix.txt}, and a route missing there fails.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("anonymous", "enterprise1", "enterprise2", "staff1", "supervisor1", "admin1",
            "university1", "expert1", "provider1", "broker1");

    /** A page with a form each role may open, for the CSRF token its POSTs carry. */
    static final Map<String, String> FORM_PAGES = Map.of("enterprise1", "/my/profile", "enterprise2", "/my/profile",
            "staff1", "/staff/content/new", "supervisor1", "/staff/content/new", "admin1", "/staff/content/new",
            "broker1", "/staff/content/new", "provider1", "/provider/profile",
            "expert1", "/expert/profile");

    @Inject
    NeedSubmission needs;

    record Expectation(String method, String path, List<Boolean> allowed) {}

    @Test
    void everyRouteIsInTheMatrix() throws Exception {
        Set<String> routes = applicationRoutes();
        Set<String> matrix = new TreeSet<>();
        matrix().forEach(e -> matrix.add(e.method() + " " + e.path()));
        assertThat(matrix).as("routes of the application without an entry in authorization-matrix.txt")
                .containsAll(routes);
        assertThat(routes).as("entries of authorization-matrix.txt that are not routes").containsAll(matrix);
    }

    @Test
    void noRoleCanDoWhatItMustNot() throws Exception {
        Map<String, String> values = fixture(needs);
        Map<String, UserSession> sessions = new LinkedHashMap<>();
        for (String role : ROLES) {
            UserSession s = role.equals("anonymous") ? UserSession.anonymous() : new UserSession(role);
            // a CSRF token, so a POST is judged on authorization, not on the missing token
            if (!role.equals("anonymous")) {
                s.open(FORM_PAGES.getOrDefault(role, "/search?q=%E6%94%BF%E7%AD%96"));
            }
            sessions.put(role, s);
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Expectation e : matrix()) {
            String url = fill(e.path(), values);
            for (int i = 0; i < ROLES.size(); i++) {
                UserSession s = sessions.get(ROLES.get(i));
                Response r = switch (e.method()) {
                    case "GET" -> s.request().get(url);
                    case "PUT" -> s.request().contentType("application/json").body("{\"id\":\"not-this-one\"}").put(url);
                    default -> s.form().formParam("version", "-1").post(url);
                };
                boolean denied = denied(r);
                checked++;
                boolean signedIn = !ROLES.get(i).equals("anonymous");
                String cache = String.valueOf(r.header("Cache-Control"));
                if ((isPrivate(e.path()) || signedIn) && !cache.contains("no-store")) {
                    // issue 24, finding 10: nothing private may be kept by a proxy or the browser
                    failures.add("%s %s as %s: Cache-Control %s, expected no-store".formatted(e.method(), url,
                            ROLES.get(i), cache));
                }
                if (e.path().startsWith("/api/") && !signedIn && !e.allowed().get(i) && r.statusCode() != 401) {
                    // issue 24, finding 15: an API answers a missing login with 401, never a login page
                    failures.add("%s %s as anonymous: expected 401, got %d".formatted(e.method(), url, r.statusCode()));
                }
                if (e.path().startsWith("/api/") && r.statusCode() == 401
                        && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                    failures.add("%s %s as %s: 401 without problem+json (%s)".formatted(e.method(), url, ROLES.get(i),
                            r.contentType()));
                }
                if (r.statusCode() >= 500) {
                    failures.add(e.method() + " " + url + " as " + ROLES.get(i) + ": server error " + r.statusCode());
                } else if (denied == e.allowed().get(i)) {
                    failures.add("%s %s as %s: expected %s, got %d".formatted(e.method(), url, ROLES.get(i),
                            e.allowed().get(i) ? "allowed" : "denied", r.statusCode()));
                }
            }
        }
        assertThat(failures).as("authorization matrix (%d checks)", checked).isEmpty();
        assertThat(checked).isEqualTo(matrix().size() * ROLES.size());
    }

    /**
     * Issue 24, findings 8 and 7: genuine Keycloak tokens that are not the portal's access tokens (one
     * issued to another client of the realm, with no audience, subject or roles; an ID token used as a
     * bearer), and an access token whose Keycloak session an administrator ended, are refused with 401 on
     * every route a visitor may not use.
     */
    @Test
    void tokensNotIssuedAsPortalAccessTokensAreRefusedEverywhere() throws Exception {
        Map<String, String> values = fixture(needs);
        String ended = Tokens.accessToken("enterprise1");
        io.restassured.RestAssured.given().auth().oauth2(ended).get("/my/needs").then().statusCode(200);
        Tokens.endSession(ended);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                io.restassured.RestAssured.given().auth().oauth2(ended).redirects().follow(false).get("/my/needs")
                        .statusCode() == 401);
        Map<String, String> tokens = Map.of("admin-cli token", Tokens.otherClientToken("enterprise1"),
                "ID token", Tokens.idToken("staff1"), "ended session's token", ended);
        List<String> failures = new ArrayList<>();
        for (Expectation e : matrix()) {
            if (e.allowed().get(0)) {
                continue;
            }
            String url = fill(e.path(), values);
            for (var token : tokens.entrySet()) {
                var request = io.restassured.RestAssured.given().redirects().follow(false).auth().oauth2(token.getValue());
                Response r = switch (e.method()) {
                    case "GET" -> request.get(url);
                    case "PUT" -> request.contentType("application/json").body("{}").put(url);
                    default -> request.contentType("application/x-www-form-urlencoded").formParam("version", "-1").post(url);
                };
                if (r.statusCode() != 401) {
                    failures.add("%s %s with an %s: expected 401, got %d".formatted(e.method(), url, token.getKey(),
                            r.statusCode()));
                } else if (e.path().startsWith("/api/") && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                    failures.add("%s %s with an %s: 401 without problem+json".formatted(e.method(), url, token.getKey()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The private areas: whatever the role, their answers are never stored. */
    static boolean isPrivate(String path) {
        return Stream.of("/my", "/staff", "/subscriptions", "/callback", "/api/my", "/api/staff")
                .anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static boolean denied(Response r) {
        int code = r.statusCode();
        String location = r.header("Location");
        return code == 401 || code == 403 || code == 404
                || (code == 302 && location != null && location.contains("/protocol/openid-connect/auth"));
    }

    /** A need of enterprise A with an attachment, and a content item, to fill the path parameters. */
    static Map<String, String> fixture(NeedSubmission needs) {
        EnterpriseProfile a = Enterprises.enterpriseA();
        Enterprises.enterpriseB();
        Need need = needs.submit(a.subject, new NeedSubmission.Submission("TECH", "权限矩阵测试需求", "描述", "", BigDecimal.ONE, null, true),
                List.of(new NeedSubmission.Upload("a.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))),
                "王建国（enterprise1）").orElseThrow();
        long attachment = QuarkusTransaction.requiringNew().call(() ->
                NeedAttachment.<NeedAttachment>find("needId", need.id).firstResult().id);
        long content = QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = new ContentItem();
            item.slug = "fin-matrix-" + need.id;
            item.type = ContentType.FINANCE;
            item.title = "权限矩阵测试产品";
            item.status = ContentStatus.PUBLISHED;
            item.persist();
            return item.id;
        });
        long subscription = Arc.container().instance(SubscriptionService.class).get()
                .create(Enterprises.subject("enterprise1"), "enterprise1@example.com", "q=权限矩阵", "DAILY").id;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("/subscriptions/{id}", "/subscriptions/" + subscription);
        v.put("{unsubscribeToken}", "0".repeat(64));
        v.put("{section}/{slug}", "finance/fin-matrix-" + need.id);
        v.put("{slug}", "fin-matrix-" + need.id);
        v.put("/staff/needs/{id}", "/staff/needs/" + need.id);
        v.put("/staff/content/{id}", "/staff/content/" + content);
        v.put("{no}", need.trackingNo);
        v.put("{attachment}", String.valueOf(attachment));
        v.put("/attachments/{id}", "/attachments/" + attachment);
        v.put("{action}", "accept");
        v.put("{type}", "policy");
        v.put("{token}", "A".repeat(43));
        v.put("/synonyms/{id}", "/synonyms/999999999");
        v.put("{code}", "TECH");
        v.put("{day}", "2030-12-31");
        v.putAll(voucherFixture());
        eventFixture(v);
        v.putAll(cn.keyida.portal.market.MarketMatrixFixture.values());
        v.putAll(cn.keyida.portal.projects.ProjectMatrixFixture.values());
        v.putAll(cn.keyida.portal.experts.ExpertMatrixFixture.values());
        return v;
    }

    /** An open voucher batch, the approved provider1 and an application of enterprise A with its quote, with expert1. */
    static Map<String, String> voucherFixture() {
        cn.keyida.portal.vouchers.VoucherBatch batch = cn.keyida.portal.vouchers.VoucherFixtures.openBatch("100000", "20000");
        cn.keyida.portal.vouchers.VoucherProvider provider = cn.keyida.portal.vouchers.VoucherFixtures.provider();
        cn.keyida.portal.vouchers.Voucher voucher = cn.keyida.portal.vouchers.VoucherFixtures.withExperts(
                Enterprises.enterpriseA(), batch, provider, "4000");
        long file = QuarkusTransaction.requiringNew().call(() ->
                cn.keyida.portal.vouchers.VoucherFile.of(voucher.id).get(0).id);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("{voucher}", String.valueOf(voucher.id));
        v.put("{batch}", String.valueOf(batch.id));
        v.put("{provider}", String.valueOf(provider.id));
        v.put("{file}", String.valueOf(file));
        v.put("{myStep}", "cancel");
        v.put("{providerStep}", "deliver");
        v.put("{batchStep}", "close");
        v.put("{reviewStep}", "approve");
        v.put("{staffStep}", "review");
        return v;
    }

    /** A published event with its registration open, for /events/{id} and /staff/events/{id}. */
    static void eventFixture(Map<String, String> v) {
        var f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .withZone(cn.keyida.portal.common.PortalClock.ZONE);
        java.time.Instant now = java.time.Instant.now();
        var service = Arc.container().instance(cn.keyida.portal.events.EventService.class).get();
        var e = service.create(new cn.keyida.portal.events.EventInput("BRIEFING", "权限矩阵测试活动", "", f.format(now.plusSeconds(86400 * 2)),
                f.format(now.plusSeconds(86400 * 3)), "会议室", "", "利州区", "", "科技局", "50", f.format(now.minusSeconds(3600)),
                f.format(now.plusSeconds(86400)), "PUBLIC", ""), "权限矩阵");
        e = service.publish(e.id, e.version, "权限矩阵");
        v.put("/events/{id}", "/events/" + e.id);
        var visit = Arc.container().instance(cn.keyida.portal.visits.VisitService.class).get().plan(
                new cn.keyida.portal.visits.VisitService.Plan(String.valueOf(Enterprises.enterpriseA().id),
                        java.time.LocalDate.now().toString(), "权限矩阵", "需求调研"), "权限矩阵");
        v.put("/visits/{id}", "/visits/" + visit.id);
        v.put("/enterprises/{id}", "/enterprises/" + Enterprises.enterpriseA().id);
    }

    static String fill(String path, Map<String, String> values) {
        String url = path;
        for (var e : values.entrySet()) {
            url = url.replace(e.getKey(), e.getValue());
        }
        assertThat(url).as("path parameters of %s", path).doesNotContain("{");
        return url;
    }

    static List<Expectation> matrix() throws IOException {
        List<Expectation> out = new ArrayList<>();
        try (var in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+");
                assertThat(f).as("matrix line: %s", l).hasSize(2 + ROLES.size());
                List<Boolean> allowed = java.util.Arrays.asList(f).subList(2, f.length).stream().map("Y"::equals).toList();
                out.add(new Expectation(f[0], f[1], allowed));
            }
        }
        return out;
    }

    /** Every GET, POST and PUT of the resource classes, path regexes removed: /staff/needs/{id}. */
    static Set<String> applicationRoutes() throws Exception {
        Set<String> routes = new TreeSet<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("cn/keyida/portal"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AuthorizationMatrixTest.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                            : m.isAnnotationPresent(PUT.class) ? "PUT" : null;
                    if (verb != null) {
                        Path sub = m.getAnnotation(Path.class);
                        routes.add(verb + " " + normalize(base.value() + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
        }
        assertThat(routes).hasSizeGreaterThan(40);
        return routes;
    }

    static String normalize(String path) {
        String p = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
