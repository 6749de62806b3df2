package it.io.meritocrab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The tests' real PostgreSQL (embedded binaries), which a test may stop and start again: on a data
 * directory of its own that outlives a stop, on the same port, so that the server under test finds it
 * where it was.
 */
public final class TestPostgres {

    private final Path dataDirectory;
    private EmbeddedPostgres running;
    private int port;

    private TestPostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    static TestPostgres start() throws IOException {
        TestPostgres postgres = new TestPostgres(Files.createTempDirectory("meritocrab-it-pg"));
        postgres.startOnPort(0);
        return postgres;
    }

    public int port() {
        return port;
    }

    DataSource postgresDatabase() {
        return running.getPostgresDatabase();
    }

    DataSource database(String name) {
        return running.getDatabase("postgres", name);
    }

    /**
     * Stops PostgreSQL as an operator's fast shutdown does (SIGINT to the postmaster): open connections
     * are cut, running transactions roll back. (Not {@code pg_ctl}: it refuses to run as root, as the
     * tests do here.)
     */
    public void stop() throws IOException, InterruptedException {
        // The postmaster's process id is the first line of its pid file.
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL process " + pid));
        Process signal = new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start();
        if (signal.waitFor() != 0) {
            throw new IllegalStateException("could not signal PostgreSQL process " + pid);
        }
        postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        // Releases the data directory's lock; the directory is kept (see startOnPort).
        running.close();
    }

    /** Starts PostgreSQL again on the same data and port; returns once it takes connections. */
    public void startAgain() throws IOException {
        startOnPort(port);
    }

    void close() throws IOException {
        try {
            running.close();
        } finally {
            LogFiles.delete(dataDirectory);
        }
    }

    private void startOnPort(int wanted) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (wanted != 0) {
            builder.setPort(wanted);
        }
        running = builder.start();
        port = running.getPort();
    }
}
