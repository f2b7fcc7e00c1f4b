package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The cache's rules on their own: exact token text, never past expiry, bounded. */
class VerifiedTokensTest {

    private final Instant t0 = Instant.parse("2026-11-26T08:00:00Z");
    private Instant now = t0;
    private final VerifiedTokens tokens = new VerifiedTokens(null, () -> now);

    private static SecurityIdentity verified(Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("enterprise-subject");
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).addRole("enterprise").build();
    }

    @Test
    void aTokenIsKnownUntilItExpiresAndNotAMillisecondLonger() {
        tokens.remember("h.p.s", verified(t0.plusSeconds(60)));
        now = t0.plusMillis(59_999);
        assertThat(tokens.lookup("h.p.s")).isNotNull();
        now = t0.plusSeconds(60);
        assertThat(tokens.lookup("h.p.s")).isNull();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterFiveMinutes() {
        tokens.remember("h.p.s", verified(t0.plus(Duration.ofHours(1))));
        now = t0.plus(VerifiedTokens.MAX_AGE).minusMillis(1);
        assertThat(tokens.lookup("h.p.s")).isNotNull();
        now = t0.plus(VerifiedTokens.MAX_AGE);
        assertThat(tokens.lookup("h.p.s")).isNull();
    }

    @Test
    void onlyTheExactTokenTextMatches() {
        tokens.remember("h.p.s", verified(t0.plusSeconds(60)));
        assertThat(tokens.lookup("h.p.t")).isNull();
        assertThat(tokens.lookup("h.p.s ")).isNull();
        assertThat(tokens.lookup("h.p.s")).isNotNull();
    }

    @Test
    void browserSessionsAndTokensWithoutExpiryAreNotKept() {
        SecurityIdentity session = QuarkusSecurityIdentity.builder(verified(t0.plusSeconds(60)))
                .addCredential(new IdTokenCredential("id.token.text")).build();
        tokens.remember("session", session);
        tokens.remember("opaque", QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("x")).build());
        tokens.remember("no-exp", QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(new JwtClaims())).build());
        assertThat(tokens.lookup("session")).isNull();
        assertThat(tokens.lookup("opaque")).isNull();
        assertThat(tokens.lookup("no-exp")).isNull();
    }

    @Test
    void aFullCacheTakesNewTokensOnlyWhenOldOnesHaveExpired() {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.remember("token-" + i, verified(t0.plusSeconds(60)));
        }
        tokens.remember("one-too-many", verified(t0.plusSeconds(60)));
        assertThat(tokens.lookup("one-too-many")).isNull();
        assertThat(tokens.lookup("token-0")).isNotNull();

        now = t0.plusSeconds(61);
        tokens.remember("later", verified(t0.plusSeconds(120)));
        assertThat(tokens.lookup("later")).isNotNull();
        assertThat(tokens.size()).isEqualTo(1);
    }
}
