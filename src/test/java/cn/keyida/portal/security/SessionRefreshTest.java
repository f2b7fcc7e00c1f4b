package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.support.BrowserLogin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A browser session outlives its ID token: the portal refreshes it with the refresh token on every
 * page, public ones included, so the header keeps saying who is logged in (issue 18, item 14).
 * Runs against a client of the local realm whose tokens live 10 seconds, through the real code flow.
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

    @Test
    void aPublicPageStillKnowsTheVisitorAfterTheIdTokenExpired() throws InterruptedException {
        BrowserLogin browser = new BrowserLogin("http://localhost:8081");
        browser.login("enterprise1", "/");
        assertThat(header(browser.get("/"))).contains("您好", "退出").doesNotContain("登录");

        Thread.sleep(13_000); // the ID and access tokens (10 s) have expired; the refresh token has not
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(header(home)).as("header after the tokens expired").contains("您好", "退出").doesNotContain("登录");
        assertThat(home.headers().allValues("Set-Cookie")).as("the refreshed session is sent back")
                .anyMatch(c -> c.startsWith("q_session="));
    }

    private static String header(HttpResponse<String> page) {
        String html = page.body();
        int nav = html.indexOf("<nav class=\"user-nav\"");
        return html.substring(nav, html.indexOf("</nav>", nav));
    }
}
