package cn.keyida.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keycloak that hangs (accepts connections, never answers) must not hold the portal's requests. */
class IdentityProviderTest {

    @Test
    void aHangingProviderIsReportedAndNoLaterCallerWaitsForItsProbe() throws Exception {
        // The kernel completes connections into the backlog; nobody ever reads or answers them.
        try (ServerSocket hanging = new ServerSocket(0)) {
            IdentityProvider provider = new IdentityProvider("http://127.0.0.1:" + hanging.getLocalPort() + "/realms/keyida",
                    Duration.ofMillis(100));
            assertThat(provider.problem()).as("the first probe times out").isNotNull();
            Thread.sleep(200); // past the recheck interval: the next call starts a probe that hangs for 3 s
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(provider.problem()).isNotNull();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("only the caller that starts the probe waits, and only briefly, not for the 3 s probe")
                    .isLessThan(IdentityProvider.PROBE_WAIT.plusSeconds(1));
        }
    }

    @Test
    void aProviderThatGoesDownIsReportedToTheNextCallerOnceTheAnswerIsStale() throws Exception {
        ServerSocket up = new ServerSocket(0);
        int port = up.getLocalPort();
        Thread server = new Thread(() -> {
            while (!up.isClosed()) {
                try (var socket = up.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // closed: the provider went down
                }
            }
        });
        server.start();
        IdentityProvider provider = new IdentityProvider("http://127.0.0.1:" + port + "/realms/keyida", Duration.ofMillis(100));
        assertThat(provider.problem()).as("up").isNull();
        up.close(); // now connections are refused
        server.join();
        Thread.sleep(200);
        assertThat(provider.problem()).as("the caller that starts the probe gets the fresh answer").isNotNull();
    }

    @Test
    void aRefusingProviderIsReportedAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        IdentityProvider provider = new IdentityProvider("http://127.0.0.1:" + port + "/realms/keyida", Duration.ofSeconds(5));
        assertThat(provider.problem()).isNotNull();
    }
}
