package cn.keyida.portal.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is looking at the page; templates read it as {@code inject:viewer}. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.STAFF);
    }

    public boolean isEnterprise() {
        return identity.hasRole(Roles.ENTERPRISE);
    }

    /** The OIDC subject: the stable key of the user's data in the portal. */
    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
    }

    public String username() {
        if (identity.isAnonymous()) {
            return "";
        }
        String username = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("preferred_username") : null;
        return username != null ? username : identity.getPrincipal().getName();
    }

    /** The e-mail address Keycloak holds for the user, or null. */
    public String email() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("email") : null;
    }

    /** The account's e-mail address if Keycloak has verified it ({@code email_verified}), else null. */
    public String verifiedEmail() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object verified = jwt.getClaim("email_verified");
            return "true".equals(String.valueOf(verified)) ? jwt.getClaim("email") : null;
        }
        return null;
    }

    public boolean isInstitution() {
        return identity.hasRole(Roles.INSTITUTION);
    }

    public boolean isExpert() {
        return identity.hasRole(Roles.EXPERT);
    }

    public boolean isProvider() {
        return identity.hasRole(Roles.PROVIDER);
    }

    public boolean isBroker() {
        return identity.hasRole(Roles.BROKER);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** How the user appears in audit trails: 张伟（staff1）. */
    public String auditName() {
        return displayName() + "（" + username() + "）";
    }

    /** Chinese names read family name first: 王建国. */
    public String displayName() {
        if (identity.isAnonymous()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String family = jwt.getClaim("family_name");
            String given = jwt.getClaim("given_name");
            if (family != null || given != null) {
                return (family == null ? "" : family) + (given == null ? "" : given);
            }
            String username = jwt.getClaim("preferred_username");
            if (username != null) {
                return username;
            }
        }
        return identity.getPrincipal().getName();
    }
}
