package cn.keyida.portal.support;

import static io.restassured.RestAssured.given;

/** Real access tokens from the local Keycloak (password grant, enabled on the portal client for tests). */
public final class Tokens {

    public static final String TOKEN_URL = "http://localhost:8180/realms/keyida/protocol/openid-connect/token";

    private Tokens() {}

    public static String accessToken(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "portal")
                .formParam("client_secret", "portal-dev-secret")
                .formParam("username", username)
                .formParam("password", "demo1234")
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The same header and payload under a signature Keycloak never made. */
    public static String withForgedSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    }
}
