package cn.keyida.portal.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.keyida.portal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 8: only access tokens Keycloak issued for the portal are credentials. A token of
 * another client of the realm (no audience, subject or roles), Keycloak's administrator token and an ID
 * token used as a bearer are all refused with 401, also where no role is needed.
 */
@QuarkusTest
class TokenAudienceTest {

    @Test
    void aTokenOfAnotherClientIsRefused() {
        String token = Tokens.otherClientToken("staff1");
        given().auth().oauth2(token).redirects().follow(false).get("/subscriptions").then().statusCode(401);
        given().auth().oauth2(token).redirects().follow(false).get("/api/staff/search-request?q=政策").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void keycloaksAdministratorTokenIsRefused() {
        String token = Tokens.masterAdminToken();
        given().auth().oauth2(token).redirects().follow(false).get("/subscriptions").then().statusCode(401);
        given().auth().oauth2(token).redirects().follow(false).get("/api/staff/search-request?q=政策").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anIdTokenIsNoBearerToken() {
        String token = Tokens.idToken("staff1");
        given().auth().oauth2(token).redirects().follow(false).get("/subscriptions").then().statusCode(401);
        given().auth().oauth2(token).redirects().follow(false).get("/api/staff/search-request?q=政策").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void thePortalsAccessTokenStillWorks() {
        String token = Tokens.accessToken("staff1");
        given().auth().oauth2(token).redirects().follow(false).get("/subscriptions").then().statusCode(200)
                .body(containsString("订阅"));
        given().auth().oauth2(token).redirects().follow(false).get("/api/staff/search-request?q=政策").then().statusCode(200);
    }
}
