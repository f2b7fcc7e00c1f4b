package cn.keyida.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the identity provider: its discovery document answers. */
@Readiness
@ApplicationScoped
class OidcProviderHealthCheck implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;

    OidcProviderHealthCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("OIDC provider").withData("url", discovery.toString());
        try {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
