package cn.keyida.portal.support;

import static io.restassured.RestAssured.given;

/** Real access tokens from the local Keycloak (password grant, enabled on the portal client for tests). */
public final class Tokens {

    private Tokens() {}

    /** The realm's token endpoint, for the app's own client (from its configuration). */
    public static String tokenUrl() {
        return Stack.keycloakRealm() + "/protocol/openid-connect/token";
    }

    public static String accessToken(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", Stack.oidcClientId())
                .formParam("client_secret", Stack.oidcClientSecret())
                .formParam("username", username)
                .formParam("password", "demo1234")
                .post(tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The user's ID token (scope openid): signed by the realm, audience portal, but typ ID and no roles. */
    public static String idToken(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", Stack.oidcClientId())
                .formParam("client_secret", Stack.oidcClientSecret())
                .formParam("scope", "openid")
                .formParam("username", username)
                .formParam("password", "demo1234")
                .post(tokenUrl())
                .then().statusCode(200)
                .extract().path("id_token");
    }

    /**
     * An access token the same realm issued to another client, {@code admin-cli} (Keycloak's built-in public
     * client): genuine signature and issuer, but no portal audience, no subject and no roles.
     */
    public static String otherClientToken(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", username)
                .formParam("password", "demo1234")
                .post(tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** Keycloak's own administrator token (master realm, admin-cli; the launcher's admin/admin). */
    public static String masterAdminToken() {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post(Stack.keycloakRealm().replaceAll("/realms/[^/]+$", "/realms/master") + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * Ends the Keycloak session of this access token as an administrator would (the admin API), which
     * tells the portal on the back channel.
     */
    public static void endSession(String accessToken) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        String sid = io.restassured.path.json.JsonPath.from(payload).getString("sid");
        given().auth().oauth2(masterAdminToken())
                .delete(Stack.keycloakRealm().replace("/realms/", "/admin/realms/") + "/sessions/" + sid)
                .then().statusCode(204);
    }

    /**
     * A new enterprise account, as self-registration makes one (verified e-mail, the realm's default group
     * {@code enterprises}); password demo1234. No profile exists for it yet, whatever other tests did.
     */
    public static String newEnterpriseAccount() {
        String username = "newcomer-" + Long.toString(System.nanoTime(), 36);
        given().auth().oauth2(masterAdminToken()).contentType("application/json")
                .body(java.util.Map.of("username", username, "enabled", true, "emailVerified", true,
                        "email", username + "@example.com", "firstName", "新", "lastName", "李",
                        "groups", java.util.List.of("/enterprises"),
                        "credentials", java.util.List.of(java.util.Map.of("type", "password", "value", "demo1234", "temporary", false))))
                .post(Stack.keycloakRealm().replace("/realms/", "/admin/realms/") + "/users")
                .then().statusCode(201);
        return username;
    }

    /** The same header and payload under a signature Keycloak never made. */
    public static String withForgedSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    }
}
