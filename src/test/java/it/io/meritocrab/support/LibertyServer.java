package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    /** Returns once the server has started its applications. */
    public void start() throws IOException, InterruptedException {
        run("start");
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
