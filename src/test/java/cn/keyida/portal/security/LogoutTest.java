package cn.keyida.portal.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.support.BrowserLogin;
import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Stack;
import cn.keyida.portal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 7: a session ends when the user logs out, here or at Keycloak, and its old cookies
 * and tokens no longer export personal data; the export and the deletion also need a recent login and a
 * token Keycloak still calls active. Real logins through Keycloak's login page.
 */
@QuarkusTest
class LogoutTest {

    static final String APP = ConfigProvider.getConfig().getValue("portal.web.base-url", String.class);
    static final String EXPORT = APP + "/my/data/export.json";

    @Test
    void afterLogoutTheOldSessionCookiesExportNothing() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        BrowserLogin browser = new BrowserLogin(APP);
        HttpResponse<String> page = browser.login("enterprise1", "/my/data");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> copied = browser.portalCookies();
        assertThat(copied).isNotEmpty();
        assertThat(BrowserLogin.getWith(EXPORT, copied).body()).contains(a.name);

        HttpResponse<String> out = browser.follow(APP + "/logout");
        assertThat(out.statusCode()).as("logout ends on the home page: %s", out.uri()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> replay = BrowserLogin.getWith(EXPORT, copied);
            assertThat(replay.statusCode()).as("export with the cookies of a logged-out session").isNotEqualTo(200);
            assertThat(replay.body()).doesNotContain(a.name);
        });
    }

    @Test
    void aLogoutAtKeycloakEndsThePortalSessionOnTheBackChannel() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        BrowserLogin browser = new BrowserLogin(APP);
        assertThat(browser.login("enterprise1", "/my/needs").statusCode()).isEqualTo(200);
        Map<String, String> cookies = browser.portalCookies();
        assertThat(BrowserLogin.getWith(APP + "/my/needs", cookies).statusCode()).isEqualTo(200);

        // an administrator ends this Keycloak session; Keycloak tells the portal on the back channel
        assertThat(browser.sessionId()).isNotBlank();
        given().auth().oauth2(Tokens.masterAdminToken())
                .delete(Stack.keycloakRealm().replace("/realms/", "/admin/realms/") + "/sessions/" + browser.sessionId())
                .then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(BrowserLogin.getWith(APP + "/my/needs", cookies).statusCode()).isNotEqualTo(200);
            assertThat(BrowserLogin.getWith(EXPORT, cookies).body()).doesNotContain(a.name);
        });
    }

    @Test
    void aRevokedBearerTokenExportsNothing() {
        EnterpriseProfile a = Enterprises.enterpriseA();
        String token = Tokens.accessToken("enterprise1");
        given().auth().oauth2(token).get(EXPORT).then().statusCode(200);

        given().formParam("token", token).formParam("token_type_hint", "access_token")
                .formParam("client_id", Stack.oidcClientId()).formParam("client_secret", Stack.oidcClientSecret())
                .post(Stack.keycloakRealm() + "/protocol/openid-connect/revoke").then().statusCode(200);

        String after = given().auth().oauth2(token).redirects().follow(false).get(EXPORT).then().statusCode(401)
                .extract().asString();
        assertThat(after).doesNotContain(a.name);
    }

    @Test
    void anOldLoginMustGiveThePasswordAgainBeforeExporting() throws InterruptedException {
        EnterpriseProfile a = Enterprises.enterpriseA();
        BrowserLogin browser = new BrowserLogin(APP);
        assertThat(browser.login("enterprise1", "/my/data").statusCode()).isEqualTo(200);
        assertThat(browser.get(EXPORT).body()).contains(a.name);

        Thread.sleep(31_000); // %test.portal.security.recent-login=30s: the login is now too old

        HttpResponse<String> stale = browser.get(EXPORT);
        assertThat(stale.statusCode()).isEqualTo(303);
        assertThat(stale.headers().firstValue("Location").orElseThrow()).startsWith(APP + "/login/again");
        // Keycloak asks for the password although its own session is still open (prompt=login)
        HttpResponse<String> login = browser.follow(EXPORT);
        assertThat(BrowserLogin.isLoginForm(login)).as("Keycloak's login form, got %s", browser.chain()).isTrue();
        assertThat(browser.chain()).anyMatch(url -> url.contains("/protocol/openid-connect/auth") && url.contains("prompt=login"));
        HttpResponse<String> back = browser.signIn("enterprise1", login);
        assertThat(back.uri().getPath()).isEqualTo("/my/data");
        assertThat(browser.get(EXPORT).body()).contains(a.name);
    }
}
