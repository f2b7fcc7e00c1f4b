package cn.keyida.portal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a browser session or bearer token whose Keycloak session has ended ({@link EndedSessions}): the
 * old cookies of a logged-out user, copied or replayed, no longer sign anybody in, on any instance. One
 * primary-key lookup per signed-in request; anonymous requests cost nothing.
 */
@ApplicationScoped
class EndedSessionCheck implements SecurityIdentityAugmentor {

    private final EndedSessions sessions;

    EndedSessionCheck(EndedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        String sid = EndedSessions.sid(identity);
        if (sid == null) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (sessions.ended(sid)) {
                throw new AuthenticationFailedException("the session has ended (logout)");
            }
            return identity;
        });
    }
}
