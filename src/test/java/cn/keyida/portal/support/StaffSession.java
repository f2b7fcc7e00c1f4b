package cn.keyida.portal.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in user (real Keycloak token) submitting the portal's forms with their CSRF token. */
public final class StaffSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String accessToken;
    private String csrfCookie;
    private String csrfToken;

    public StaffSession(String username) {
        this.accessToken = Tokens.accessToken(username);
    }

    public RequestSpecification request() {
        return given().auth().oauth2(accessToken).redirects().follow(false);
    }

    /** Opens a page and keeps the CSRF token of its forms. */
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

    /** A form request carrying the token of the page opened last. */
    public RequestSpecification form() {
        if (csrfToken == null) {
            throw new IllegalStateException("open a page with a form first");
        }
        return request().cookie("csrf-token", csrfCookie).formParam("csrf-token", csrfToken)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
