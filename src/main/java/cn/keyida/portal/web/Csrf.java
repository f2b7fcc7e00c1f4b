package cn.keyida.portal.web;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.config.ConfigMapping;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of the page being rendered ({@code {inject:csrf.token}} in {@code tags/csrf.html}).
 * <p>
 * The browser holds a random nonce in an HttpOnly cookie; the form carries
 * HMAC(key, nonce, signed-in user). So a token is useless without the server's key (a planted cookie
 * with a matching form value no longer passes, as it did with the plain double-submit cookie), and
 * it is bound to the browser's cookie and to the user it was rendered for. The token is the same for
 * every page of one browser session, so several tabs and the search-as-you-type requests do not
 * invalidate each other's forms. {@link CsrfGuard} checks it. This never throws: a page re-rendered
 * after a rejected form gets a token too.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String FIELD = "csrf-token";
    public static final String COOKIE = "csrf-token";
    public static final String HEADER = "X-CSRF-TOKEN";
    static final String NONCE = "portal.csrf.nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigMapping(prefix = "portal.csrf")
    public interface Config {
        /** HMAC key of the tokens, at least 32 characters; the same on every instance. */
        String signatureKey();

        /** Secure flag of the nonce cookie (off only for the plain-HTTP local stack and tests). */
        boolean cookieSecure();
    }

    @Inject
    RoutingContext routing;

    @Inject
    Config config;

    public String getParameterName() {
        return FIELD;
    }

    public String getToken() {
        return sign(config.signatureKey(), nonce(routing, config), user(routing));
    }

    /** The browser's nonce; a new one (and its cookie) when it has none yet. */
    static String nonce(RoutingContext routing, Config config) {
        String nonce = routing.get(NONCE);
        if (nonce == null) {
            nonce = cookieNonce(routing);
        }
        if (nonce == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!routing.response().headWritten()) {
                routing.response().addCookie(Cookie.cookie(COOKIE, nonce).setPath("/").setHttpOnly(true)
                        .setSecure(config.cookieSecure()).setSameSite(CookieSameSite.LAX));
            }
        }
        routing.put(NONCE, nonce);
        return nonce;
    }

    /** The nonce cookie when it has the shape this class writes (43 base64url characters). */
    static String cookieNonce(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        return value != null && value.matches("[A-Za-z0-9_-]{43}") ? value : null;
    }

    /** Who the token is for: the signed-in user's name, or empty for a visitor. */
    static String user(RoutingContext routing) {
        return routing.user() instanceof QuarkusHttpUser u && !u.getSecurityIdentity().isAnonymous()
                ? u.getSecurityIdentity().getPrincipal().getName()
                : "";
    }

    static String sign(String key, String nonce, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((nonce + "\n" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time check of a submitted token against the cookie's nonce and the current user. */
    static boolean valid(String key, String nonce, String user, String token) {
        return nonce != null && token != null && MessageDigest.isEqual(
                sign(key, nonce, user).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
    }
}
