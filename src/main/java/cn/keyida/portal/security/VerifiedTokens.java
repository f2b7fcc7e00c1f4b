package cn.keyida.portal.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the bearer access tokens that Quarkus OIDC has verified, so that an API client sending the same
 * token on every call pays for the signature check and the token's three JSON parses once (a third of the
 * CPU of a need submission), not on every request.
 *
 * <p>A token is looked up by its exact text: a token that differs in any character (another signature, an
 * edited payload) is a miss and goes to OIDC. An entry lives until the token expires and at most
 * {@link #MAX_AGE}, so a token is never accepted after its {@code exp}. Browser sessions (ID tokens in the
 * session cookie) are not cached: their refresh logic stays in OIDC. The map is bounded: when it is full of
 * live tokens, new ones are verified on every request, as without the cache. The portal has one OIDC tenant
 * and no token binding (DPoP, client certificates): with either, the key would have to include it.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final int MAX_ENTRIES = 1_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final IdentityProvider<TokenAuthenticationRequest> oidc;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    record Verified(SecurityIdentity identity, long expiresAtMillis) {}

    @Inject
    VerifiedTokens(OidcIdentityProvider oidc) {
        this(oidc, InstantSource.system());
    }

    VerifiedTokens(IdentityProvider<TokenAuthenticationRequest> oidc, InstantSource clock) {
        this.oidc = oidc;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's provider, which has the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || request.getToken().getClass() != AccessTokenCredential.class) {
            return Uni.createFrom().nullItem(); // not a bearer token: OIDC's provider takes it
        }
        String token = request.getToken().getToken();
        SecurityIdentity known = lookup(token);
        if (known == null) {
            return oidc.authenticate(request, context).invoke(VerifiedTokens::requireAccessToken)
                    .invoke(identity -> remember(token, identity));
        }
        // the identity belongs to this request: OIDC ties it to the request's routing and blocking contexts
        rc.put(REQUEST_CONTEXT, context);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), rc)
                .addAttribute(REQUEST_CONTEXT, context)
                .build());
    }

    /**
     * A bearer token must be an access token ({@code typ} Bearer): an ID token also carries the portal's
     * audience and a subject, but no roles, and is meant for the client, not as a credential. OIDC checks
     * the audience and the subject itself ({@code quarkus.oidc.token.audience}, {@code subject-required});
     * its {@code token-type} option cannot be used, as it would also refuse the ID token of browser sessions.
     */
    static void requireAccessToken(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt
                && !"Bearer".equals(jwt.getClaim("typ"))) {
            throw new AuthenticationFailedException("a bearer token must be an access token");
        }
    }

    SecurityIdentity lookup(String token) {
        Verified known = verified.get(token);
        return known != null && clock.millis() < known.expiresAtMillis() ? known.identity() : null;
    }

    void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.getCredential(IdTokenCredential.class) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.millis();
        long expiresAt = Math.min(jwt.getExpirationTime() * 1000, now + MAX_AGE.toMillis());
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> v.expiresAtMillis() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                return;
            }
        }
        verified.put(token, new Verified(identity, expiresAt));
    }

    int size() {
        return verified.size();
    }
}
