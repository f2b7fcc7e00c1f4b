package cn.keyida.portal.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user with a real Keycloak token (or anonymous) submitting the portal's forms with their CSRF token. */
public final class UserSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String accessToken;
    private String csrfCookie;
    private String csrfToken;

    public UserSession(String username) {
        this.accessToken = username == null ? null : Tokens.accessToken(username);
    }

    /** A visitor who is not logged in (still gets a CSRF token from the pages it opens). */
    public static UserSession anonymous() {
        return new UserSession(null);
    }

    public RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false);
        return accessToken == null ? spec : spec.auth().oauth2(accessToken);
    }

    /** Opens a page and keeps the CSRF token of its forms (or the previous one when it has none). */
    public Response open(String path) {
        Response page = request().get(path);
        Matcher m = TOKEN.matcher(page.asString());
        if (m.find()) {
            csrfToken = m.group(1);
            csrfCookie = page.getCookie("csrf-token");
        }
        return page;
    }

    /** A multipart (file upload) request carrying the token of the page opened last. */
    public RequestSpecification multipart() {
        if (csrfToken == null) {
            throw new IllegalStateException("open a page with a form first");
        }
        return request().cookie("csrf-token", csrfCookie).multiPart("csrf-token", csrfToken);
    }

    /** A form request carrying the token of the page opened last (none if no page had a form). */
    public RequestSpecification form() {
        if (csrfToken == null) {
            return request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        }
        return request().cookie("csrf-token", csrfCookie).formParam("csrf-token", csrfToken)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
