package cn.keyida.portal.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A browser session outlives its ID token: the portal refreshes it with the refresh token on every
 * page, public ones included, so the header keeps saying who is logged in (issue 18, item 14).
 * Runs against a realm client whose tokens live 10 seconds, through the real code flow.
 */
@QuarkusTest
@TestProfile(SessionRefreshTest.ShortTokens.class)
class SessionRefreshTest {

    public static class ShortTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.client-id", "portal-short-session");
        }
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void aPublicPageStillKnowsTheVisitorAfterTheIdTokenExpired() throws InterruptedException {
        Map<String, String> session = codeFlowLogin("enterprise1");
        assertThat(header(given().cookies(session).get("/"))).contains("您好", "退出").doesNotContain("登录");

        Thread.sleep(13_000); // the ID and access tokens (10 s) have expired; the refresh token has not
        Response home = given().redirects().follow(false).cookies(session).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(header(home)).as("header after the tokens expired").contains("您好", "退出").doesNotContain("登录");
        assertThat(home.getCookies()).as("the refreshed session is sent back").containsKey("q_session");
    }

    private static String header(Response page) {
        String html = page.asString();
        return html.substring(html.indexOf("<nav class=\"user-nav\""), html.indexOf("</nav>", html.indexOf("<nav class=\"user-nav\"")));
    }

    /** What a browser does: the portal's redirect, Keycloak's login form, the code back to the portal. */
    private static Map<String, String> codeFlowLogin(String username) {
        Response start = given().redirects().follow(false).get("/my");
        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> app = new HashMap<>(start.getCookies());
        Response form = given().urlEncodingEnabled(false).redirects().follow(false).get(start.header("Location"));
        Matcher action = FORM_ACTION.matcher(form.asString());
        assertThat(action.find()).as("Keycloak's login form at %s: %s", start.header("Location"), form.asString()).isTrue();
        Response login = given().urlEncodingEnabled(false).redirects().follow(false).cookies(form.getCookies()).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", "demo1234")
                .post(action.group(1).replace("&amp;", "&"));
        assertThat(login.statusCode()).as("Keycloak accepts the password").isEqualTo(302);
        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(app).get(login.header("Location"));
        assertThat(back.statusCode()).isIn(302, 303);
        Map<String, String> session = new HashMap<>(back.getCookies());
        assertThat(session).containsKey("q_session");
        return session;
    }
}
