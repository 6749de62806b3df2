package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    /**
     * Kills the server's JVM with SIGKILL (kill -9): no shutdown hook, no graceful stop, its database
     * connections simply drop. Returns once the process is gone.
     */
    public void kill() {
        Path runtime = Path.of(System.getProperty("meritocrab.it.liberty.home"), "bin", "tools", "ws-server.jar");
        ProcessHandle jvm = ProcessHandle.allProcesses()
                // This build's runtime only: other builds on the machine run servers of the same name.
                .filter(process -> process.info().commandLine().orElse("").contains(runtime.toString()))
                .filter(process -> isServerJvm(process.info().arguments().orElse(new String[0])))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no running JVM of server " + name));
        assertThat(jvm.destroyForcibly()).as("SIGKILL sent to server %s", name).isTrue();
        jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The server's own JVM runs `ws-server.jar <name>`; the start script's status checks add `--status:...`. */
    private boolean isServerJvm(String[] arguments) {
        List<String> list = List.of(arguments);
        return list.contains(name) && list.stream().noneMatch(argument -> argument.startsWith("--status"));
    }

    /**
     * Waits until the application answers ready on the given HTTP port (its database migrated, its
     * workers started), which can be well after its start is logged.
     */
    public static void awaitReady(int httpPort) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + httpPort + "/health/ready");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private void run(String command) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("meritocrab.it.liberty.home"), "bin", "server");
        Process process = new ProcessBuilder(script.toString(), command, name).inheritIO().start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("server %s %s finished", command, name).isTrue();
        assertThat(process.exitValue()).as("server %s %s", command, name).isZero();
    }
}
