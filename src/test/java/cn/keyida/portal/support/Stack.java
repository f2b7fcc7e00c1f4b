package cn.keyida.portal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The local stack the tests run against (started by ./portal): where its services are, read from the
 * same %test configuration as the app under test, and stopping or starting one through the launcher.
 */
public final class Stack {

    /** What ./portal stack stop|start accepts. */
    public enum Service {
        ELASTICSEARCH, KEYCLOAK, MAIL;

        String launcherName() {
            return name().toLowerCase();
        }

        /** The URL that answers 200 while the service is up. */
        String readiness() {
            return switch (this) {
                case ELASTICSEARCH -> elasticsearch() + "/_cluster/health";
                case KEYCLOAK -> keycloakRealm() + "/.well-known/openid-configuration";
                case MAIL -> mailApi() + "/api/service/readiness";
            };
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Stack() {}

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    /** The first Elasticsearch node the app uses, as a URL. */
    public static String elasticsearch() {
        String host = config("quarkus.elasticsearch.hosts").split(",")[0].trim();
        return host.contains("://") ? host : "http://" + host;
    }

    /** The alias the app searches (the tests' own). */
    public static String searchAlias() {
        return config("portal.search.alias");
    }

    public static String keycloakRealm() {
        return config("quarkus.oidc.auth-server-url");
    }

    public static String oidcClientId() {
        return config("quarkus.oidc.client-id");
    }

    public static String oidcClientSecret() {
        return config("quarkus.oidc.credentials.secret");
    }

    /** GreenMail's HTTP API: the mails the portal sent (test configuration, src/test/resources). */
    public static String mailApi() {
        return config("portal.test.mail-api");
    }

    /**
     * Stops a service with ./portal stack stop, which stops only what the launcher started (its pid
     * files), and waits until the service no longer answers.
     */
    public static void stop(Service service) {
        launcher("stop", service);
        await(service + " down").atMost(Duration.ofSeconds(30)).until(() -> !answers(service));
    }

    /** Starts a service with ./portal stack start and waits until it answers again. */
    public static void start(Service service) {
        launcher("start", service);
        awaitUp(service);
    }

    public static void awaitUp(Service service) {
        await(service + " up").atMost(Duration.ofSeconds(60)).until(() -> answers(service));
    }

    private static void launcher(String command, Service service) {
        String line = "./portal stack " + command + " " + service.launcherName();
        // into a file: written straight to this JVM's stdout, it would corrupt Surefire's channel
        File log = new File("target/portal-stack.log");
        System.out.println(line + " (output in " + log + ")");
        try {
            Process launcher = new ProcessBuilder("./portal", "stack", command, service.launcherName())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            // stop waits 30 s before it kills; Elasticsearch takes up to two minutes to start
            assertThat(launcher.waitFor(180, TimeUnit.SECONDS)).as("%s finished (see %s)", line, log).isTrue();
            assertThat(launcher.exitValue()).as("%s exit status (see %s)", line, log).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./portal", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(Service service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.readiness())).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
