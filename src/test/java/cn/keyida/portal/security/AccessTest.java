package cn.keyida.portal.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.keyida.portal.support.Enterprises;
import cn.keyida.portal.support.Stack;
import cn.keyida.portal.support.Tokens;
import cn.keyida.portal.support.UserSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Real Keycloak tokens for every demo role against the staff-only and enterprise-only areas. */
@QuarkusTest
class AccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"staff1", "supervisor1", "admin1"})
    void staffAndHigherMayOpenTheStaffArea(String user) {
        given().auth().oauth2(Tokens.accessToken(user)).redirects().follow(false)
                .get("/staff").then().statusCode(200).body(containsString("工作台"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enterprise1", "enterprise2"})
    void enterpriseIsForbiddenInTheStaffArea(String user) {
        given().auth().oauth2(Tokens.accessToken(user)).redirects().follow(false)
                .get("/staff").then().statusCode(403);
    }

    @Test
    void anonymousIsSentToTheKeycloakLogin() {
        given().redirects().follow(false).get("/staff").then().statusCode(302)
                .header("Location", startsWith(Stack.keycloakRealm() + "/protocol/openid-connect/auth"));
    }

    @Test
    void enterpriseMayOpenItsOwnAreaAndStaffMayNot() {
        given().auth().oauth2(Tokens.accessToken("enterprise1")).get("/my")
                .then().statusCode(200).body(containsString("王建国"));
        given().auth().oauth2(Tokens.accessToken("staff1")).redirects().follow(false)
                .get("/my").then().statusCode(403);
    }

    @Test
    void loggingInFromTheHeaderTakesAnEnterpriseToItsOwnPages() {
        assertThat(new UserSession("enterprise1").request().get("/login/start").header("Location")).isEqualTo("http://localhost:8081/my");
        assertThat(new UserSession("staff1").request().get("/login/start").header("Location")).isEqualTo("http://localhost:8081/");
        assertThat(new UserSession("enterprise1").request().get("/login/start?next=/search").header("Location"))
                .isEqualTo("http://localhost:8081/search");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Enterprises.enterpriseA();
        String before = given().auth().oauth2(Tokens.accessToken("enterprise1")).get("/my/profile").asString();
        given().auth().oauth2(Tokens.accessToken("enterprise1")).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "跨站伪造的企业名称").formParam("creditCode", "914403001922038216")
                .post("/my/profile").then().statusCode(400);
        String after = given().auth().oauth2(Tokens.accessToken("enterprise1")).get("/my/profile").asString();
        assertThat(after).doesNotContain("跨站伪造的企业名称");
        assertThat(before).doesNotContain("跨站伪造的企业名称");
    }

    @Test
    void aForgedTokenIsRejected() {
        String token = Tokens.accessToken("staff1");
        String forged = Tokens.withForgedSignature(token);
        given().auth().oauth2(forged).redirects().follow(false).get("/staff").then().statusCode(401);
    }

    @Test
    void wrongPasswordGetsNoToken() {
        given().formParam("grant_type", "password").formParam("client_id", Stack.oidcClientId())
                .formParam("client_secret", Stack.oidcClientSecret()).formParam("username", "staff1")
                .formParam("password", "wrong-password").post(Tokens.tokenUrl())
                .then().statusCode(401).body(containsString("invalid_grant"));
    }

    @Test
    void pageHeaderShowsWhoIsLoggedIn() {
        given().auth().oauth2(Tokens.accessToken("staff1")).get("/")
                .then().statusCode(200).body(containsString("您好，张伟"), containsString("退出"));
        given().get("/").then().statusCode(200).body(containsString("登录"));
    }
}
