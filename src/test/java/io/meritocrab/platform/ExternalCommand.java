package io.meritocrab.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the project's scripts or an operations tool (shellcheck, promtool, kubectl, node) from
 * the project directory, as a person or CI would, and keeps what it printed. A command that outlives
 * its time is killed and reported as such.
 */
public record ExternalCommand(int exitCode, String output) {

    public static ExternalCommand run(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            Path log = Files.createTempFile("meritocrab-command-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    return new ExternalCommand(-1, String.join(" ", command) + " did not finish within " + timeout
                            + "\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new ExternalCommand(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ExternalCommand run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /**
     * Skips the calling test when a program is missing, unless MERITOCRAB_TOOL_CHECKS=required (set by
     * .ci/run, which installs them): then a missing tool fails the test.
     */
    public static void requireTool(String program, String installHint) {
        if (installed(program)) {
            return;
        }
        if ("required".equals(System.getenv("MERITOCRAB_TOOL_CHECKS"))) {
            throw new IllegalStateException(program + " is required but not installed (" + installHint + ")");
        }
        Assumptions.assumeTrue(false, program + " is not installed (" + installHint + ")");
    }

    /** Whether a program is on the PATH (the tools are installed by .ci/run, not by Maven). */
    public static boolean installed(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
