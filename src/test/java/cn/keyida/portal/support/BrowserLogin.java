package cn.keyida.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: logs in through the real Keycloak login page (authorization code flow),
 * keeps the cookies, and follows redirects by hand so a test can look at each step.
 */
public final class BrowserLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /**
     * One jar for the portal and Keycloak (both on localhost; a cookie's port is not part of its scope).
     * Hand-made because Java's CookieManager withholds Keycloak's Secure cookies over plain HTTP, which a
     * browser sends to localhost.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String app;
    private final List<String> chain = new ArrayList<>();
    private String sessionId;

    public BrowserLogin(String appBaseUrl) {
        this.app = appBaseUrl;
    }

    /** Logs in as this demo user, starting at {@code /login/start?next=...}; returns the page it ends on. */
    public HttpResponse<String> login(String username, String next) {
        return loginAt(username, app + "/login/start?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** Follows {@code start} to the Keycloak login page, signs in there, and follows the way back. */
    public HttpResponse<String> loginAt(String username, String start) {
        HttpResponse<String> page = follow(start);
        Matcher form = FORM_ACTION.matcher(page.body());
        assertThat(form.find()).as("Keycloak login form at %s", page.uri()).isTrue();
        return signIn(username, form.group(1));
    }

    /** Whether this page is Keycloak's login form (it asks for the password). */
    public static boolean isLoginForm(HttpResponse<String> page) {
        return FORM_ACTION.matcher(page.body()).find();
    }

    /** Submits Keycloak's login form and follows the way back to the portal. */
    public HttpResponse<String> signIn(String username, String formAction) {
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(formAction.replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo1234&credentialId=")));
        assertThat(back.statusCode()).as("Keycloak's answer to the password: %s", back.body()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        Matcher session = Pattern.compile("[?&]session_state=([^&]+)").matcher(location);
        sessionId = session.find() ? session.group(1) : null;
        return follow(location);
    }

    /** Submits the login form of this page. */
    public HttpResponse<String> signIn(String username, HttpResponse<String> loginPage) {
        Matcher form = FORM_ACTION.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak login form at %s", loginPage.uri()).isTrue();
        return signIn(username, form.group(1));
    }

    /** GETs a URL and follows its redirects (at most 10) to the page they end on. */
    public HttpResponse<String> follow(String url) {
        chain.clear();
        chain.add(url);
        HttpResponse<String> r = get(url);
        for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
            String next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString();
            chain.add(next);
            r = get(next);
        }
        return r;
    }

    /** Keycloak's id of the session of the last login (its {@code sid}, from {@code session_state}). */
    public String sessionId() {
        return sessionId;
    }

    /** The addresses the last {@link #follow} went through, for failure messages. */
    public List<String> chain() {
        return List.copyOf(chain);
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? app + url : url)).GET());
    }

    /** The portal's cookies of this browser (the session), to replay them elsewhere. */
    public Map<String, String> portalCookies() {
        Map<String, String> session = new LinkedHashMap<>();
        cookies.forEach((name, value) -> {
            if (name.startsWith("q_session")) {
                session.put(name, value);
            }
        });
        return session;
    }

    /** A GET with exactly these cookies (a copy of a session), no redirects followed. */
    public static HttpResponse<String> getWith(String url, Map<String, String> sessionCookies) {
        String header = sessionCookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(url)).header("Cookie", header).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                String attributes = set.toLowerCase(java.util.Locale.ROOT);
                if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
