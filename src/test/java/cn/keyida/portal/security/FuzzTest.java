package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.support.UserSession;
import cn.keyida.portal.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input against every form, JSON endpoint and query of the application (the routes of
 * the authorization matrix, each as a role allowed to use it): random and boundary values, wrong
 * types, invalid UTF-8, huge and deeply nested JSON. No answer may be a 5xx, and a rejected request
 * must leave the stored data exactly as it was.
 */
@QuarkusTest
class FuzzTest {

    static final long SEED = 20261126L;
    static final int PER_WRITE_ROUTE = 50;
    static final int PER_READ_ROUTE = 28;

    static final List<String> FIELDS = List.of("version", "title", "description", "category", "categoryCode", "budget",
            "wantedBy", "expectedOutcome", "consent", "note", "rating", "comment", "satisfaction", "resolved", "to",
            "name", "creditCode", "district", "industry", "contactPerson", "mobile", "email", "qualifications",
            "employees", "revenueBand", "rdRatio", "registeredOn", "policyMail", "q", "type", "level", "region", "page",
            "size", "sort", "frequency", "query", "confirm", "requiredTags", "excludedTags", "districts", "industries",
            "minEmployees", "maxRevenue", "minRdRatio", "minYears", "manualConditions", "benefit", "applyDeadline",
            "term", "variants", "assignee", "department", "departmentId", "kind", "visible", "public", "code",
            "acceptDays", "resolveDays", "day", "username", "status", "from", "until", "overdue", "summary", "body",
            "slug", "id", "whatif", "channel", "reason", "template", "url", "position", "next", "publish_date",
            // vouchers (issue 21)
            "batchId", "providerId", "offerId", "serviceText", "quoteAmount", "legalRepresentative", "contactMobile",
            "totalBudget", "annualCap", "ratioPercent", "categories", "applyFrom", "applyTo", "useUntil", "validDays",
            "approvedAmount", "redemptionAmount", "paidOn", "paymentReference", "contractAmount", "contractFrom",
            "contractTo", "invoiceAmount", "offerName", "offerCategory", "price", "typicalDays", "credentials",
            // project pool (issue 20)
            "programme", "fields", "maxGrant", "requiredFiles", "criterionName", "criterionWeight", "reviewersPerField",
            "reviewDays", "publicityDays", "fieldCode", "requestedAmount", "selfFunding", "budgetItem", "budgetAmount",
            "memberName", "memberRole", "seed", "field", "days", "text", "score", "intent", "application", "call",
            // expert pool (issue 20)
            "organisation", "fields", "specialities", "modes", "availability", "profile", "phone", "text", "audience",
            "visitedOn", "visitText", "score", "question", "part", "expert");

    @Inject
    NeedSubmission needs;

    @Inject
    EntityManager em;

    @Test
    void twoThousandBadInputsGiveNoServerErrorAndChangeNothingWhenRejected() throws Exception {
        Map<String, String> values = AuthorizationMatrixTest.fixture(needs);
        Map<String, UserSession> sessions = new LinkedHashMap<>();
        for (String role : AuthorizationMatrixTest.ROLES) {
            UserSession s = role.equals("anonymous") ? UserSession.anonymous() : new UserSession(role);
            s.open(role.equals("anonymous") ? "/matching" : role.startsWith("enterprise") ? "/my/profile"
                    : role.equals("provider1") ? "/provider/profile" : role.equals("expert1") ? "/expert/profile"
                    : "/staff/content/new");
            sessions.put(role, s);
        }
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int rejected = 0;
        int accepted = 0;
        for (AuthorizationMatrixTest.Expectation e : AuthorizationMatrixTest.matrix()) {
            if (e.path().endsWith("/delete") || e.path().equals("/subscriptions/{id}")) {
                continue; // their one valid input is a deletion: covered by their own tests
            }
            int role = firstAllowed(e);
            String roleName = AuthorizationMatrixTest.ROLES.get(role);
            UserSession session = sessions.get(roleName);
            String url = AuthorizationMatrixTest.fill(e.path(), values);
            boolean write = !e.method().equals("GET");
            int n = write ? PER_WRITE_ROUTE : PER_READ_ROUTE;
            for (int i = 0; i < n; i++) {
                String before = write ? fingerprint() : null;
                Attempt a = write ? write(session, roleName, e.method(), url, random) : read(session, url, random);
                sent++;
                int code = a.status();
                if (code >= 500) {
                    failures.add(e.method() + " " + url + " [" + a.description() + "] -> " + code);
                }
                if (write && code >= 400) {
                    rejected++;
                    String after = fingerprint();
                    if (!after.equals(before)) {
                        failures.add(e.method() + " " + url + " [" + a.description() + "] rejected with " + code
                                + " but changed stored data: " + before + " -> " + after);
                    }
                } else if (write) {
                    accepted++;
                }
            }
        }
        System.out.printf("Fuzzing: %d requests, %d writes rejected, %d writes accepted, %d failures%n", sent, rejected,
                accepted, failures.size());
        assertThat(failures).as("fuzzing failures out of %d requests", sent).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(2000);
        assertThat(rejected).isGreaterThan(accepted);
    }

    record Attempt(int status, String description) {}

    /** Stands for "the server closed the connection": counted as a rejection. */
    static final int CLOSED = 499;

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static int firstAllowed(AuthorizationMatrixTest.Expectation e) {
        // a logged-in role when one is allowed: anonymous requests mostly stop at the login
        for (int i = 1; i < e.allowed().size(); i++) {
            if (e.allowed().get(i)) {
                return i;
            }
        }
        return 0;
    }

    private static Attempt write(UserSession s, String role, String method, String url, Random r) throws Exception {
        int kind = r.nextInt(11);
        RequestSpecification req;
        String description;
        switch (kind) {
            case 0, 1 -> {
                String json = json(r);
                req = s.request().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8));
                description = "json " + abbreviate(json);
            }
            case 2 -> {
                byte[] bytes = invalidUtf8(r);
                return new Attempt(raw(role, method, url, bytes), "invalid UTF-8 form, " + bytes.length + " bytes");
            }
            case 3 -> {
                req = s.request().contentType("multipart/form-data; boundary=XyZ").body(
                        ("--XyZ\r\nContent-Disposition: form-data; name=\"" + pick(r, FIELDS) + "\"\r\n\r\n" + value(r)
                                + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + value(r)
                                + "\"\r\nContent-Type: application/pdf\r\n\r\n" + value(r) + "\r\n--XyZ--\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                description = "multipart";
            }
            case 4 -> {
                req = s.request().contentType("text/plain").body(value(r));
                description = "text/plain";
            }
            case 10 -> { // more fields than the form parser takes (issue 24, finding 11)
                req = s.form();
                for (int f = 0; f < 1001; f++) {
                    req = req.formParam(pick(r, FIELDS) + f, "x");
                }
                description = "form with 1001 fields";
            }
            default -> {
                req = s.form();
                StringBuilder d = new StringBuilder("form");
                int fields = 1 + r.nextInt(8);
                for (int f = 0; f < fields; f++) {
                    String name = r.nextInt(10) == 0 ? value(r) : pick(r, FIELDS);
                    String v = value(r);
                    req = req.formParam(name, v);
                    d.append(' ').append(abbreviate(name)).append('=').append(abbreviate(v));
                }
                description = d.toString();
            }
        }
        try {
            Response response = method.equals("PUT") ? req.put(url) : req.post(url);
            return new Attempt(response.statusCode(), description);
        } catch (Exception e) { // RestAssured rethrows I/O errors unchecked or checked
            if (rootCause(e) instanceof java.net.SocketException) {
                // The server refused an oversized body and closed the connection while it was still
                // being sent (Vert.x's size limits): a rejection, checked like the others.
                return new Attempt(CLOSED, description + " (connection closed by the server)");
            }
            throw e;
        }
    }

    private static Attempt read(UserSession s, String url, Random r) throws Exception {
        RequestSpecification req = s.request().urlEncodingEnabled(true);
        StringBuilder d = new StringBuilder("query");
        int params = 1 + r.nextInt(6);
        for (int i = 0; i < params; i++) {
            String name = r.nextInt(8) == 0 ? value(r) : pick(r, FIELDS);
            String v = value(r);
            if (v.length() > 2000) {
                v = v.substring(0, 2000); // a request line stays within what browsers send
            }
            req = req.queryParam(name, v);
            d.append(' ').append(abbreviate(name)).append('=').append(abbreviate(v));
        }
        try {
            return new Attempt(req.get(url).statusCode(), d.toString());
        } catch (Exception e) { // RestAssured rethrows I/O errors unchecked or checked
            if (rootCause(e) instanceof java.net.SocketException) {
                // a request line over the server's limit: it closes the connection, a rejection
                return new Attempt(CLOSED, d + " (connection closed by the server)");
            }
            throw e;
        }
    }

    /** Values real people, old browsers and attackers send. */
    static String value(Random r) {
        return switch (r.nextInt(19)) {
            case 0 -> "";
            case 1 -> " \t\r\n ";
            case 2 -> unicode(r, 1 + r.nextInt(60));
            case 3 -> "长".repeat(1 + r.nextInt(40_000));
            case 4 -> String.valueOf(r.nextLong());
            case 5 -> pick(r, List.of("-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e309", "NaN",
                    "-0", "0x1F", "3.141592653589793238", "１２３", "1,000", "Infinity"));
            case 6 -> pick(r, List.of("2026-02-30", "0000-00-00", "99999-01-01", "2026/01/01", "昨天", "2026-13-01",
                    "1900-01-01", "T00:00"));
            case 7 -> pick(r, List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
                    "<svg/onload=alert(1)>", "{{7*7}}", "${7*7}", "{#include layout/main /}"));
            case 8 -> pick(r, List.of("' OR 1=1 --", "'; drop table need; --", "\\", "%", "_", "\"", "title:*", "*:*"));
            case 9 -> "a\u0000b\u0007c";
            case 10 -> "\u202E反转\u200B零宽";
            case 11 -> "😀👍🏻🇨🇳";
            case 12 -> "\uD800半个代理";
            case 13 -> pick(r, List.of("高新技术企业", "SUBMITTED", "PUBLISHED", "DRAFT", "DAILY", "true", "on", "accept",
                    "TECH", "利州区", "13900001111", "a@b.cn", "91110000600037341L"));
            case 14 -> "../../etc/passwd";
            // issue 24, finding 11: the shapes that were answered 500
            case 16 -> pick(r, List.of("71582790", "2147483647", "99999999999999", "-2147483648"));
            case 17 -> pick(r, List.of("-999999999-01-01", "+999999999-12-31", "0001-01-01", "9999-12-31"));
            case 18 -> pick(r, List.of("测试\u0001企业", "名称\u0000", "a\r\nSet-Cookie: x=1", "/%09/evil.com",
                    "/\r\nSet-Cookie:x=1", "\u0085\u2028行", "文件\r\n名.pdf"));
            default -> "x".repeat(r.nextInt(300));
        };
    }

    static String json(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> "[".repeat(5000) + "]".repeat(5000);
            case 1 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 2 -> "{\"title\":\"" + "长".repeat(1_500_000) + "\"}";
            case 3 -> "{";
            case 4 -> "null";
            case 5 -> "{\"id\":" + r.nextLong() + ",\"type\":[1,2],\"title\":{\"x\":1},\"tags\":\"notalist\",\"publish_date\":\"2026-02-30\"}";
            case 6 -> "\"" + value(r).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 7 -> "{\"slug\":\"" + value(r).replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"position\":-1}";
            default -> "[" + r.nextDouble() + ", true, {}, []]";
        };
    }

    /** Bytes that are not UTF-8, sent as a form: RestAssured only sends text. */
    private static int raw(String role, String method, String url, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (!role.equals("anonymous")) {
            b.header("Authorization", "Bearer " + Tokens.accessToken(role));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static byte[] invalidUtf8(Random r) {
        byte[] prefix = ("title=" ).getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28, (byte) 0xFF,
                (byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC, (byte) 0xC0, (byte) 0xAF};
        byte[] out = new byte[prefix.length + 20 + r.nextInt(200)];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        for (int i = prefix.length; i < out.length; i++) {
            out[i] = r.nextBoolean() ? bad[r.nextInt(bad.length)] : (byte) r.nextInt(256);
        }
        return out;
    }

    private static String unicode(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int cp = r.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }

    /** What a rejected request must not change: every table people write to, by count and version sum. */
    private String fingerprint() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery("""
                select concat_ws('/',
                  (select count(*) || ':' || coalesce(sum(version), 0) from content_item),
                  (select count(*) from content_audit),
                  (select count(*) || ':' || coalesce(sum(version), 0) from need),
                  (select count(*) from need_event),
                  (select count(*) from need_followup),
                  (select count(*) from need_attachment),
                  (select count(*) from need_callback),
                  (select count(*) || ':' || coalesce(sum(version), 0) from enterprise_profile),
                  (select count(*) || ':' || coalesce(sum(hashtext(query || frequency)), 0) from subscription),
                  (select count(*) || ':' || coalesce(sum(version), 0) from eligibility),
                  (select count(*) from enterprise_message),
                  (select count(*) from search_synonym),
                  (select count(*) from calendar_day),
                  (select count(*) from department),
                  (select count(*) || ':' || sum(hashtext(concat_ws(',', department_id, supervisor, active)))
                     from staff_member),
                  (select sum(hashtext(concat_ws(',', name, sort_order, accept_days, resolve_days, callback_days, active)))
                     from need_category),
                  (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(reserved + redeemed), 0)
                     from voucher_batch),
                  (select count(*) || ':' || coalesce(sum(version), 0) from voucher),
                  (select count(*) || ':' || coalesce(sum(version), 0) from voucher_provider),
                  (select count(*) from voucher_offer),
                  (select count(*) from voucher_event),
                  (select count(*) from voucher_file))""").getSingleResult()));
    }
}
