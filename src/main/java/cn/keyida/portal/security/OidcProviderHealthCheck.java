package cn.keyida.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the identity provider: its discovery document answers. */
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
        var response = HealthCheckResponse.named("OIDC provider").withData("url", provider.discovery().toString());
        return problem == null ? response.up().build() : response.down().withData("error", problem).build();
    }
}
