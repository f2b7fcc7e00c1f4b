package cn.keyida.portal.security;

import cn.keyida.portal.web.UnavailableException;
import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcProviderClient;
import io.quarkus.oidc.TokenIntrospection;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The extra check of sensitive actions (personal-data export and deletion). A browser session must have
 * logged in within {@code portal.security.recent-login} ({@code auth_time} of its ID token), else the user
 * logs in again (Keycloak asks for the password, {@code prompt=login}) and comes back. A bearer token is
 * asked about at Keycloak (token introspection), so a revoked token or an ended session is refused at once
 * rather than when the token expires.
 */
@ApplicationScoped
public class RecentLogin {

    private final SecurityIdentity identity;
    private final OidcProviderClient provider;
    private final Duration maxAge;

    RecentLogin(SecurityIdentity identity, OidcProviderClient provider,
            @ConfigProperty(name = "portal.security.recent-login", defaultValue = "15m") Duration maxAge) {
        this.identity = identity;
        this.provider = provider;
        this.maxAge = maxAge;
    }

    /** Returns when the current login may do a sensitive action; otherwise throws the answer (303 or 401). */
    public void require(String returnTo) {
        if (identity.getCredential(IdTokenCredential.class) != null) {
            Instant authTime = authTime(identity);
            if (authTime == null || authTime.isBefore(Instant.now().minus(maxAge))) {
                throw new WebApplicationException(Response.seeOther(URI.create(
                        "/login/again?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8))).build());
            }
            return;
        }
        AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
        if (bearer == null) {
            throw new WebApplicationException(401);
        }
        TokenIntrospection answer;
        try {
            answer = provider.introspectAccessToken(bearer.getToken()).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("Token introspection failed: %s", e.getMessage());
            throw new UnavailableException("统一身份认证暂不可用", "暂时无法向统一身份认证确认您的登录状态，请稍后再试。", e, 30);
        }
        if (answer == null || !answer.isActive()) {
            throw new WebApplicationException(Response.status(401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("访问令牌已失效（已撤销或已退出登录），请重新获取。").build());
        }
    }

    static Instant authTime(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("auth_time") != null) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(String.valueOf((Object) jwt.getClaim("auth_time"))));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
