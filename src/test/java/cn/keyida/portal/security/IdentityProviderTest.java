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
                    .as("callers get the last answer instead of waiting for the hanging probe")
                    .isLessThan(Duration.ofSeconds(1));
        }
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
