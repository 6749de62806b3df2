package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/rollback.sh refuses to touch the cluster without a fresh, readable database backup
 * (migrations are forward-only). kubectl is a recording script here: these cases must never reach it.
 * The rollback itself, against a real dump and the running server, is it.io.meritocrab.platform.RollbackIT.
 */
class RollbackScriptTest {

    private static final Duration TIME = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @BeforeEach
    void backupDirectory() throws IOException {
        Files.createDirectories(backups());
    }

    @Test
    void refusesWithoutABackup() throws IOException {
        ExternalCommand rollback = rollback("1.2.3");

        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.output()).startsWith("rollback REFUSED: no backup younger than 60 minutes in " + backups());
        assertThat(kubectlCalls()).doesNotExist();
    }

    @Test
    void refusesWhenTheBackupDirectoryDoesNotExist() throws IOException {
        Files.delete(backups());

        ExternalCommand rollback = rollback("1.2.3");

        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.output()).startsWith("rollback REFUSED: no backup younger than 60 minutes in " + backups());
        assertThat(kubectlCalls()).doesNotExist();
    }

    @Test
    void refusesABackupOlderThanTheMaximumAge() throws IOException {
        Path old = Files.writeString(backups().resolve("meritocrab-old.dump"), "PGDMP");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));

        ExternalCommand rollback = rollback("1.2.3");

        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.output()).contains("no backup younger than 60 minutes");
        assertThat(kubectlCalls()).doesNotExist();
    }

    @Test
    void refusesAFreshFileThatIsNotADump() throws IOException {
        ExternalCommand.requireTool("pg_restore", "apt-get install postgresql-client");
        Files.writeString(backups().resolve("meritocrab-broken.dump"), "not a dump");

        ExternalCommand rollback = rollback("1.2.3");

        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.output()).contains("meritocrab-broken.dump is not a dump pg_restore can read");
        assertThat(kubectlCalls()).doesNotExist();
    }

    @Test
    void refusesSomethingThatIsNotAVersion() throws IOException {
        ExternalCommand rollback = rollback("latest");

        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.output()).startsWith("usage:");
        assertThat(kubectlCalls()).doesNotExist();
    }

    private ExternalCommand rollback(String version) throws IOException {
        Path kubectl = dir.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + kubectlCalls() + "\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        return ExternalCommand.run(List.of("bash", "scripts/rollback.sh", version),
                Map.of("MERITOCRAB_BACKUP_DIR", backups().toString(), "KUBECTL", kubectl.toString()), TIME);
    }

    private Path backups() {
        return dir.resolve("backups");
    }

    private Path kubectlCalls() {
        return dir.resolve("kubectl-calls");
    }
}
