package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Starts and stops one of the build's Liberty servers with its own `server` script. */
public final class LibertyServer {

    private final String name;

    public LibertyServer(String name) {
        this.name = name;
    }

    public Path directory() {
        return Path.of(System.getProperty("meritocrab.it.liberty.home"), "usr", "servers", name);
    }

    public void writeServerEnv(String content) throws IOException {
        Files.writeString(directory().resolve("server.env"), content);
    }

    /**
     * Returns once the server has started its applications. `server start` returns when the server
     * is up, which on a busy machine can be before an application has finished starting; Liberty
     * begins a new messages.log at every start, so the application's line in it is this start's.
     */
    public void start() throws IOException, InterruptedException {
        run("start");
        Path log = directory().resolve("logs/messages.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!applicationStarted(log) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /** The log says an application started (CWWKZ0001I) or failed to (CWWKZ0002E). */
    private static boolean applicationStarted(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).lines()
                .anyMatch(line -> line.contains("CWWKZ0001I") || line.contains("CWWKZ0002E"));
    }

    /** Returns once the server has stopped, after the applications' graceful shutdown. */
    public void stop() throws IOException, InterruptedException {
        run("stop");
    }

    private void run(String command) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("meritocrab.it.liberty.home"), "bin", "server");
        Process process = new ProcessBuilder(script.toString(), command, name).inheritIO().start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("server %s %s finished", command, name).isTrue();
        assertThat(process.exitValue()).as("server %s %s", command, name).isZero();
    }
}
