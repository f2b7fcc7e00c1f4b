package cn.keyida.portal.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keycloak sessions that have ended, in PostgreSQL ({@code ended_session}), so every instance refuses their
 * cookies and bearer tokens, not only the one that saw the logout. A session ends when the user logs out
 * of the portal ({@code /logout}) or Keycloak says so on the back channel ({@code /back-channel-logout}:
 * a logout at Keycloak, an administrator ending the session). Rows are kept as long as a token of the
 * session may still be valid ({@code portal.security.ended-session-retention}) and purged on the next write.
 */
@ApplicationScoped
public class EndedSessions {

    private final AgroalDataSource db;
    private final Duration retention;
    private volatile long lastWarning = System.nanoTime() - Duration.ofMinutes(1).toNanos();

    EndedSessions(AgroalDataSource db,
            @ConfigProperty(name = "portal.security.ended-session-retention", defaultValue = "12h") Duration retention) {
        this.db = db;
        this.retention = retention;
    }

    /** Quarkus OIDC verified a logout (the back-channel logout token, or the portal's own /logout). */
    void onLogout(@ObservesAsync SecurityEvent event) {
        String sid = switch (event.getEventType()) {
            case OIDC_LOGOUT_RP_INITIATED -> sid(event.getSecurityIdentity());
            case OIDC_BACKCHANNEL_LOGOUT_INITIATED -> logoutTokenSid(event.getEventProperties().get("logout_token"));
            default -> null;
        };
        if (sid != null) {
            end(sid);
        }
    }

    /** The Keycloak session of a signed-in identity (browser session or bearer token), or null. */
    static String sid(SecurityIdentity identity) {
        return identity != null && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("sid") : null;
    }

    public void end(String sid) {
        try (Connection c = db.getConnection();
                PreparedStatement purge = c.prepareStatement("delete from ended_session where expires_at < now()");
                PreparedStatement insert = c.prepareStatement("""
                        insert into ended_session (sid, expires_at) values (?, ?) on conflict (sid) do nothing""")) {
            purge.executeUpdate();
            insert.setString(1, sid);
            insert.setTimestamp(2, Timestamp.from(Instant.now().plus(retention)));
            insert.executeUpdate();
            Log.infof("Session %s ended: its cookies and tokens are refused from now on", sid);
        } catch (SQLException e) {
            Log.errorf(e, "Could not record the end of session %s", sid);
        }
    }

    /**
     * Whether this session has ended. While PostgreSQL cannot answer, no: the request then meets the same
     * outage in whatever it does and gets the portal's 503, where a failed sign-in would be a 500 (the
     * fault suite expects 503s). Logged at most every 10 seconds.
     */
    public boolean ended(String sid) {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "select 1 from ended_session where sid = ? and expires_at > now()")) {
            st.setString(1, sid);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            long now = System.nanoTime();
            if (now - lastWarning > Duration.ofSeconds(10).toNanos()) {
                lastWarning = now;
                Log.warnf("Cannot check for ended sessions (PostgreSQL: %s); letting sessions through meanwhile",
                        e.getMessage());
            }
            return false;
        }
    }

    /**
     * The sid of a back-channel logout token that Quarkus OIDC has verified (signature, issuer, audience,
     * the logout event). Quarkus hands it over as its TokenVerificationResult, whose claims field is not
     * public: read reflectively; a Quarkus upgrade that changes it fails EndedSessionTest.
     */
    static String logoutTokenSid(Object verified) {
        if (verified == null) {
            return null;
        }
        try {
            Field claims = verified.getClass().getDeclaredField("localVerificationResult");
            claims.setAccessible(true);
            Object json = claims.get(verified);
            return json instanceof io.vertx.core.json.JsonObject o ? o.getString("sid") : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.errorf(e, "Cannot read the back-channel logout token");
            return null;
        }
    }
}
