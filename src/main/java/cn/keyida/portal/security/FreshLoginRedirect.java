package cn.keyida.portal.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A login started by {@code /login/again} ({@code fresh=1}) asks Keycloak to take the password again
 * ({@code prompt=login}), so the new session's {@code auth_time} proves a recent login.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
class FreshLoginRedirect implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        if ("1".equals(context.routingContext().request().getParam("fresh"))) {
            context.additionalQueryParams().add("prompt", "login");
        }
    }
}
