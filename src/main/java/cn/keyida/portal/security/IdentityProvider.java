package cn.keyida.portal.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak answers: its discovery document, asked at most every 5 seconds, one probe at a time
 * in the background with short timeouts. No request waits long for it: the caller that starts a probe
 * waits at most half a second, the others get the last known state, so a Keycloak that hangs (rather
 * than refusing) costs the portal nothing but a stale answer. Only the first caller of an instance
 * waits for the first probe (started at boot, at most 5 s), so a fresh instance does not report a guess.
 */
@ApplicationScoped
public class IdentityProvider {

    /** How long the caller that starts a probe waits for it. */
    static final Duration PROBE_WAIT = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI discovery;
    private final long recheckNanos;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final CompletableFuture<Void> firstProbe = new CompletableFuture<>();
    private volatile long checkedAt;
    private volatile String problem = "not checked yet";

    @Inject
    IdentityProvider(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this(authServerUrl, Duration.ofSeconds(5));
    }

    IdentityProvider(String authServerUrl, Duration recheck) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        this.recheckNanos = recheck.toNanos();
    }

    URI discovery() {
        return discovery;
    }

    void probeAtStartup(@Observes StartupEvent event) {
        problem();
    }

    /**
     * Null when the provider answered its last probe, otherwise what went wrong. When the last answer
     * is stale, the caller that starts the next probe waits for it briefly (a refused connection answers
     * in milliseconds; a hanging provider costs that caller at most {@link #PROBE_WAIT}); everyone else
     * gets the last answer at once.
     */
    public String problem() {
        CompletableFuture<Void> probe = null;
        if ((checkedAt == 0 || System.nanoTime() - checkedAt > recheckNanos) && probing.compareAndSet(false, true)) {
            probe = new CompletableFuture<>();
            CompletableFuture<Void> done = probe;
            http.sendAsync(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        problem = error != null ? describe(error)
                                : response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
                        checkedAt = System.nanoTime();
                        probing.set(false);
                        firstProbe.complete(null);
                        done.complete(null);
                    });
        }
        await(firstProbe.isDone() ? probe : firstProbe, firstProbe.isDone() ? PROBE_WAIT : Duration.ofSeconds(5));
        return problem;
    }

    private static void await(CompletableFuture<Void> probe, Duration atMost) {
        if (probe == null || probe.isDone()) {
            return;
        }
        try {
            probe.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still running (a hanging provider): answer with what is known
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
