package cn.keyida.portal.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.keyida.portal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The verified-token cache in the running app, with real Keycloak tokens. */
@QuarkusTest
class VerifiedTokensAccessTest {

    private static String probe(String token) {
        return given().auth().oauth2(token).get("/test/token-identity").then().statusCode(200).extract().asString();
    }

    @Test
    void aTokenIsVerifiedOnceAndEachRequestGetsItsOwnIdentity() {
        String token = Tokens.accessToken("enterprise2");
        String first = probe(token);
        String second = probe(token);
        String otherToken = probe(Tokens.accessToken("enterprise2"));

        assertThat(first).endsWith(" true");
        assertThat(second).endsWith(" true");
        // the same verified principal: OIDC builds a new one for every token it verifies
        assertThat(second.split(" ")[0]).isEqualTo(first.split(" ")[0]);
        assertThat(otherToken.split(" ")[0]).isNotEqualTo(first.split(" ")[0]);
    }

    @Test
    void anotherSignatureIsRejectedWhileTheGenuineTokenIsCached() {
        String token = Tokens.accessToken("staff1");
        given().auth().oauth2(token).redirects().follow(false).get("/staff").then().statusCode(200);
        String forged = Tokens.withForgedSignature(token);
        given().auth().oauth2(forged).redirects().follow(false).get("/staff").then().statusCode(401);
        given().auth().oauth2(token).redirects().follow(false).get("/staff").then().statusCode(200);
    }

    @Test
    void aPayloadGivenTheStaffRoleIsRejectedWhileTheGenuineTokenIsCached() {
        String token = Tokens.accessToken("enterprise1");
        given().auth().oauth2(token).get("/my").then().statusCode(200);
        given().auth().oauth2(token).redirects().follow(false).get("/staff").then().statusCode(403);

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"roles\":[");
        String elevated = payload.replace("\"roles\":[", "\"roles\":[\"staff\",");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(elevated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).redirects().follow(false).get("/staff").then().statusCode(401);
    }
}
