package cn.keyida.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether Keycloak answers: its discovery document, asked at most every 5 seconds. */
@ApplicationScoped
public class IdentityProvider {

    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;
    private volatile long checkedAt;
    private volatile String problem = "not checked";

    IdentityProvider(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    URI discovery() {
        return discovery;
    }

    /** Null when the provider answers, otherwise what went wrong. */
    public String problem() {
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > CACHE_NANOS) {
            problem = ask();
            checkedAt = now;
        }
        return problem;
    }

    private String ask() {
        try {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : "HTTP " + status;
        } catch (Exception e) {
            return String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
