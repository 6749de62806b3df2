package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.platform.ExternalCommand;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/rollback.sh up to the cluster: a backup pg_dump just took of the database the server under
 * test uses, kubectl played by a script that records what it is asked (there is no cluster here) and
 * answers the Deployment's current image, and the smoke suite run for real against the server under
 * test, as it would be against the rolled-back Deployment.
 */
class RollbackIT extends MeritocrabIT {

    private static final Duration TIME = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @BeforeEach
    void freshBackup() throws Exception {
        ExternalCommand.requireTool("pg_dump", "apt-get install postgresql-client");
        Files.createDirectories(dir.resolve("backups"));
        ExternalCommand dump = ExternalCommand.run(List.of("pg_dump", "--format=custom",
                "--file=" + dir.resolve("backups/meritocrab-20260101T000000Z.dump"), ItEnvironment.libpqUrl()), TIME);
        assertThat(dump.exitCode()).as(dump.output()).isZero();
    }

    @Test
    void rollsTheDeploymentBackToTheVersionWaitsForItAndPassesTheSmokeSuite() throws Exception {
        ExternalCommand rollback = rollback("v1.2.3", 0);

        assertThat(rollback.exitCode()).as(rollback.output()).isZero();
        assertThat(rollback.output()).contains("backup: " + dir.resolve("backups/meritocrab-20260101T000000Z.dump"),
                "deployment/meritocrab: ghcr.io/acme/meritocrab:1.3.0 -> ghcr.io/acme/meritocrab:1.2.3",
                "smoke: 5 passed, 0 failed", "rolled back: deployment/meritocrab runs ghcr.io/acme/meritocrab:1.2.3");
        assertThat(Files.readAllLines(dir.resolve("kubectl-calls"))).containsSubsequence(
                "-n meritocrab set image deployment/meritocrab meritocrab=ghcr.io/acme/meritocrab:1.2.3",
                "-n meritocrab rollout status deployment/meritocrab --timeout=10m");
    }

    @Test
    void aRolloutThatDoesNotBecomeReadyFailsWithoutSmokingAndSaysHowToUndoIt() throws Exception {
        ExternalCommand rollback = rollback("1.2.3", 1);

        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.output()).contains(
                "rollback FAILED: deployment/meritocrab did not become ready on ghcr.io/acme/meritocrab:1.2.3",
                "back to ghcr.io/acme/meritocrab:1.3.0: ", "rollout undo deployment/meritocrab")
                .doesNotContain("smoke:");
    }

    /** @param rolloutExit what `kubectl rollout status` answers: 0 ready, 1 timed out */
    private ExternalCommand rollback(String version, int rolloutExit) throws Exception {
        Path kubectl = dir.resolve("kubectl");
        Files.writeString(kubectl, """
                #!/bin/sh
                printf '%%s\\n' "$*" >> %s
                case "$*" in
                    *jsonpath*) echo ghcr.io/acme/meritocrab:1.3.0 ;;
                    *"rollout status"*) exit %d ;;
                esac
                """.formatted(dir.resolve("kubectl-calls"), rolloutExit));
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = new HashMap<>();
        env.put("MERITOCRAB_BACKUP_DIR", dir.resolve("backups").toString());
        env.put("KUBECTL", kubectl.toString());
        env.put("SMOKE_URL", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort());
        env.put("SMOKE_APP_PATH", base.getPath());
        env.put("MERITOCRAB_GITHUB_WEBHOOK_SECRET", ItEnvironment.WEBHOOK_SECRET);
        env.put("MERITOCRAB_ADMIN_TOKEN", ItEnvironment.ADMIN_TOKEN);
        return ExternalCommand.run(List.of("bash", "scripts/rollback.sh", version), env, TIME);
    }
}
