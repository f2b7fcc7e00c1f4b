package cn.keyida.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the identity provider: its discovery document answers. The answer is public, so it
 * carries the status only: the provider's internal address and its error stay in the log.
 */
@Readiness
@ApplicationScoped
class OidcProviderHealthCheck implements HealthCheck {

    private final IdentityProvider provider;

    OidcProviderHealthCheck(IdentityProvider provider) {
        this.provider = provider;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = provider.problem();
        return HealthCheckResponse.named("OIDC provider").status(problem == null).build();
    }
}
