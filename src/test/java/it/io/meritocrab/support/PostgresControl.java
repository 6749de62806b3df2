package it.io.meritocrab.support;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the test run's PostgreSQL for real (pg_ctl stop, then the postmaster started again
 * on the same data directory and port with the options it was first started with), to test what the
 * server does while its database is gone.
 */
public final class PostgresControl {

    private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private PostgresControl() {
    }

    /**
     * Fast shutdown (SIGINT to the postmaster, what `pg_ctl stop -m fast` sends; pg_ctl itself refuses
     * to run as root): open connections are cut, as when the database server goes down.
     */
    public static void stop() throws IOException, InterruptedException {
        File dataDirectory = field(ItEnvironment.embeddedPostgres(), "dataDirectory");
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.toPath().resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        Process signal = new ProcessBuilder("kill", "-INT", String.valueOf(pid)).start();
        if (!signal.waitFor(10, TimeUnit.SECONDS) || signal.exitValue() != 0) {
            throw new IllegalStateException("could not signal the postmaster " + pid);
        }
        postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** Starts the postmaster again as it was started first, and returns once it takes connections. */
    public static void start() throws IOException {
        EmbeddedPostgres postgres = ItEnvironment.embeddedPostgres();
        File dataDirectory = field(postgres, "dataDirectory");
        List<String> command = new ArrayList<>();
        Matcher matcher = ARGUMENT.matcher(Files.readString(dataDirectory.toPath().resolve("postmaster.opts")).trim());
        while (matcher.find()) {
            command.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dataDirectory, "restarted.log"))).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            try (Connection connection = ItEnvironment.database().getConnection()) {
                return connection.isValid(2);
            }
        });
    }

    private static File field(EmbeddedPostgres postgres, String name) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField(name);
            field.setAccessible(true);
            return (File) field.get(postgres);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded PostgreSQL has no field " + name, e);
        }
    }
}
