package it.io.meritocrab.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Another Liberty server on the build's runtime, configured like the Arquillian test server (same
 * server.xml, meritocrab.xml and JDBC drivers) with the built WAR in its dropins and settings of its own.
 * Its ports are taken from the block the build sets aside (meritocrab.servers.http.port).
 */
public final class ExtraServer {

    private final LibertyServer server;
    private final int httpPort;

    private ExtraServer(String name, int httpPort) {
        this.server = new LibertyServer(name);
        this.httpPort = httpPort;
    }

    /** @param slot 0 or 1: which pair of the reserved ports (HTTP, HTTPS) the server takes */
    public static ExtraServer create(String name, int slot, Map<String, String> env) throws IOException {
        ExtraServer extra = new ExtraServer(name, Integer.parseInt(System.getProperty("meritocrab.servers.http.port"))
                + 2 * slot);
        Path template = new LibertyServer(System.getProperty("meritocrab.it.server")).directory();
        Path dir = extra.directory();
        Files.createDirectories(dir.resolve("lib/jdbc"));
        Files.createDirectories(dir.resolve("dropins"));
        for (String file : new String[] {"server.xml", "meritocrab.xml"}) {
            Files.copy(template.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> drivers = Files.list(template.resolve("lib/jdbc"))) {
            for (Path driver : drivers.toList()) {
                Files.copy(driver, dir.resolve("lib/jdbc").resolve(driver.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(Path.of(System.getProperty("meritocrab.it.war")), dir.resolve("dropins/meritocrab.war"),
                StandardCopyOption.REPLACE_EXISTING);
        LogFiles.delete(dir.resolve("logs"));
        extra.server.writeServerEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "MERITOCRAB_HTTP_PORT=" + extra.httpPort + "\nMERITOCRAB_HTTPS_PORT="
                        + (extra.httpPort + 1) + "\n", "\n")));
        return extra;
    }

    public Path directory() {
        return server.directory();
    }

    /** The server's root, where /health and /metrics are. */
    public String baseUrl() {
        return "http://localhost:" + httpPort + "/";
    }

    /** The application's root (the WAR in dropins is served under its name). */
    public String appUrl() {
        return baseUrl() + "meritocrab/";
    }

    public void start() throws IOException, InterruptedException {
        server.start();
    }

    /** Starts the server and returns once the application answers ready. */
    public void startAndAwaitReady() throws IOException, InterruptedException {
        server.start();
        LibertyServer.awaitReady(httpPort);
    }

    public void stop() throws IOException, InterruptedException {
        server.stop();
    }

    /** kill -9, see {@link LibertyServer#kill()}. */
    public void kill() {
        server.kill();
    }

    public String messagesLog() throws IOException {
        return Files.readString(directory().resolve("logs/messages.log"));
    }

    /** Every log file the server wrote, concatenated. */
    public String allLogs() throws IOException {
        return LogFiles.readAll(directory().resolve("logs"));
    }
}
