package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.platform.ExternalCommand;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * scripts/smoke.sh, the suite that CI, the deploy workflow and scripts/rollback.sh point at a deployed
 * server, run here against the server under test (PostgreSQL, the GitHub App configured): it passes on
 * a healthy server and names every check that fails.
 */
class SmokeSuiteIT extends MeritocrabIT {

    private static final Duration TIME = Duration.ofMinutes(2);

    @Test
    void passesEveryCheckAgainstTheServerUnderTest() {
        ExternalCommand smoke = smoke(serverRoot(), ItEnvironment.WEBHOOK_SECRET, ItEnvironment.ADMIN_TOKEN);

        assertThat(smoke.exitCode()).as(smoke.output()).isZero();
        assertThat(smoke.output()).contains("ok health:", "ok metrics:", "ok ping:", "ok admin:", "ok console:")
                .contains("smoke: 5 passed, 0 failed").doesNotContain("FAIL");
    }

    @Test
    void aWrongWebhookSecretAndAdminTokenFailTheirChecksOnALineEach() {
        ExternalCommand smoke = smoke(serverRoot(), "not-the-secret", "not-the-token");

        assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
        assertThat(smoke.output().lines().filter(line -> line.startsWith("FAIL")).toList()).satisfiesExactly(
                ping -> assertThat(ping).startsWith("FAIL ping:").contains("HTTP 401"),
                admin -> assertThat(admin).startsWith("FAIL admin:").contains("HTTP 401"));
        assertThat(smoke.output()).contains("ok health:", "ok metrics:", "ok console:", "smoke: 3 passed, 2 failed");
    }

    @Test
    void aServerThatDoesNotAnswerFailsEveryCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ExternalCommand smoke = smoke("http://127.0.0.1:" + closedPort, ItEnvironment.WEBHOOK_SECRET,
                ItEnvironment.ADMIN_TOKEN);

        assertThat(smoke.exitCode()).isEqualTo(1);
        assertThat(smoke.output().lines().filter(line -> line.startsWith("FAIL")).toList()).hasSize(5)
                .allSatisfy(line -> assertThat(line).contains("no answer"));
        assertThat(smoke.output()).contains("smoke: 0 passed, 5 failed");
    }

    @Test
    void refusesAnArgumentThatIsNotAUrl() {
        ExternalCommand smoke = ExternalCommand.run(List.of("bash", "scripts/smoke.sh", "localhost:9080"), TIME);

        assertThat(smoke.exitCode()).isEqualTo(2);
        assertThat(smoke.output()).startsWith("usage:");
    }

    /** The Arquillian server serves the application under /meritocrab, health and metrics at its root. */
    private String serverRoot() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private ExternalCommand smoke(String url, String webhookSecret, String adminToken) {
        return ExternalCommand.run(List.of("bash", "scripts/smoke.sh", url),
                Map.of("MERITOCRAB_GITHUB_WEBHOOK_SECRET", webhookSecret, "MERITOCRAB_ADMIN_TOKEN", adminToken,
                        "SMOKE_APP_PATH", base.getPath()),
                TIME);
    }
}
