package it.io.meritocrab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (embedded binaries, no Docker) before the integration tests and points the
 * Liberty test server at it through its server.env, so the server Arquillian starts uses it. In the
 * embedded-database run (meritocrab.it.database=h2) the server keeps the embedded default's H2 file
 * under its data directory instead, opened in H2's automatic mixed mode so that the tests can look
 * into it while the server runs. In the Payara run the same settings become the environment of
 * src/main/payara/run.sh (PayaraMicro). Does nothing for unit tests (the system properties are set
 * only by failsafe).
 */
public class ItEnvironment implements LauncherSessionListener {

    public static final String WEBHOOK_SECRET = "it-webhook-secret-7c1e0b93d54a46f2a8e1";
    public static final String ADMIN_TOKEN = "it-admin-token-5b8d2f60c3e94a17b2d4";
    public static final String OAUTH_CLIENT_ID = "it-oauth-client";
    public static final String OAUTH_CLIENT_SECRET = "it-oauth-secret";
    /** Shadow closes fire this many seconds after the decision, at the earliest and the latest. */
    public static final int SHADOW_CLOSE_MIN_DELAY = 3;
    public static final int SHADOW_CLOSE_MAX_DELAY = 6;
    /** The largest import upload the server under test accepts. */
    public static final int MAX_IMPORT_UPLOAD = 1 << 20;

    private static TestPostgres postgres;
    private static DataSource database;
    private static Map<String, String> serverSettings;
    private static GitHubStub github;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String server = System.getProperty("meritocrab.it.server");
        if ((server == null && !PayaraMicro.selected()) || database != null) {
            return;
        }
        try {
            Path serverDir = PayaraMicro.selected() ? PayaraMicro.home() : new LibertyServer(server).directory();
            String url;
            String user;
            if (embeddedDatabase()) {
                LogFiles.delete(serverDir.resolve("data"));
                url = h2Url(serverDir);
                user = "meritocrab";
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url);
                h2.setUser(user);
                h2.setPassword(user);
                database = h2;
            } else {
                postgres = TestPostgres.start();
                url = "jdbc:postgresql://localhost:" + postgres.port() + "/postgres";
                user = "postgres";
                database = postgres.postgresDatabase();
            }
            github = GitHubStub.start();
            serverSettings = settings(serverDir, url, user);
            if (!PayaraMicro.selected()) {
                Files.writeString(serverDir.resolve("server.env"), serverSettings.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test database", e);
        }
    }

    /** True in the run on the embedded default's database (H2) rather than PostgreSQL. */
    public static boolean embeddedDatabase() {
        return "h2".equals(System.getProperty("meritocrab.it.database"));
    }

    /** The embedded default's URL (server.xml) in the same place, shared with the test JVM (AUTO_SERVER). */
    private static String h2Url(Path serverDir) {
        return "jdbc:h2:file:" + serverDir.toAbsolutePath().resolve("data/meritocrab")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        // Arquillian stops Liberty in a JVM shutdown hook, after this; PostgreSQL must outlive it.
        if (postgres != null) {
            TestPostgres running = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(5_000);
                    running.close();
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is exiting; the embedded server's directory is temporary
                }
            }));
        }
    }

    /** The environment of the server under test (Liberty's server.env; Payara Micro's process environment). */
    public static Map<String, String> serverSettings() {
        return Map.copyOf(serverSettings);
    }

    /** Another database, created empty on the test PostgreSQL, for a test that needs a schema of its own. */
    public static DataSource freshDatabase(String name) throws SQLException {
        if (postgres == null) {
            throw new IllegalStateException("a fresh database is made only on the test PostgreSQL");
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.database(name);
    }

    /** The test PostgreSQL, for a test that stops and starts it. */
    public static TestPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("this run has no test PostgreSQL");
        }
        return postgres;
    }

    public static DataSource database() {
        if (database == null) {
            throw new IllegalStateException("the test database runs only in the integration tests");
        }
        return database;
    }

    /** A JDBC URL of a database on the test PostgreSQL, as the server under test reaches it. */
    public static String jdbcUrl(String databaseName) {
        database();
        return "jdbc:postgresql://localhost:" + postgres.port() + "/" + databaseName;
    }

    /** The same database as a libpq URI, for pg_dump, pg_restore and psql. */
    public static String libpqUrl() {
        database();
        return "postgresql://postgres:postgres@localhost:" + postgres.port() + "/postgres";
    }

    /** WireMock playing GitHub for the server under test. */
    public static GitHubStub github() {
        if (github == null) {
            throw new IllegalStateException("GitHub is played only in the integration tests");
        }
        return github;
    }

    private static Map<String, String> settings(Path serverDir, String url, String user) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (LlmStub.profileSelected()) {
            env.putAll(LlmStub.start(serverDir));
        }
        env.put("MERITOCRAB_DB_URL", url);
        env.put("MERITOCRAB_DB_USER", user);
        env.put("MERITOCRAB_DB_PASSWORD", user);
        env.put("MERITOCRAB_HTTP_PORT", System.getProperty("meritocrab.it.http.port"));
        env.put("MERITOCRAB_HTTPS_PORT", String.valueOf(Integer.parseInt(System.getProperty("meritocrab.it.http.port")) + 363));
        env.put("MERITOCRAB_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("MERITOCRAB_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("MERITOCRAB_DELIVERY_RETRY_BASE", "PT1S");
        env.put("MERITOCRAB_DELIVERY_MAX_ATTEMPTS", "3");
        env.put("MERITOCRAB_DELIVERY_POLL_INTERVAL", "PT0.5S");
        env.put("MERITOCRAB_SANCTIONS_POLL_INTERVAL", "PT0.5S");
        env.put("MERITOCRAB_HISTORY_POLL_INTERVAL", "PT0.3S");
        env.put("MERITOCRAB_HISTORY_ATTEMPTS", "2");
        env.put("MERITOCRAB_HISTORY_RETRY_BASE", "PT0.3S");
        env.put("MERITOCRAB_SHADOW_CLOSE_MIN_DELAY", String.valueOf(SHADOW_CLOSE_MIN_DELAY));
        env.put("MERITOCRAB_SHADOW_CLOSE_MAX_DELAY", String.valueOf(SHADOW_CLOSE_MAX_DELAY));
        // The console over plain HTTP, with the admin-token sign-in the browser tests use, and GitHub's
        // OAuth web flow played by the same WireMock as the API.
        env.put("MERITOCRAB_CONSOLE_SECURE_COOKIE", "false");
        env.put("MERITOCRAB_CONSOLE_LOCAL_LOGIN", "true");
        env.put("MERITOCRAB_GITHUB_WEB_URL", github.url());
        env.put("MERITOCRAB_GITHUB_OAUTH_CLIENT_ID", OAUTH_CLIENT_ID);
        env.put("MERITOCRAB_GITHUB_OAUTH_CLIENT_SECRET", OAUTH_CLIENT_SECRET);
        // The tests pose as clients behind a proxy (X-Forwarded-For) to get rate-limit buckets of their own.
        env.put("MERITOCRAB_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
        // Every test's repositories are served at once, so a console page asks about hundreds of them; the
        // bound on those questions is RepositoryAccessTest's subject, not something to trip over here.
        env.put("MERITOCRAB_RATE_LIMIT_ROLE_LOOKUPS_PER_USER_PER_MINUTE", "1000000");
        env.put("MERITOCRAB_RATE_LIMIT_ROLE_LOOKUPS_PER_MINUTE", "1000000");
        env.put("MERITOCRAB_RETENTION_INTERVAL", "PT2S");
        // Small enough that MeritocrabImportIT can send a larger upload cheaply.
        env.put("MERITOCRAB_IMPORT_MAX_UPLOAD_BYTES", String.valueOf(MAX_IMPORT_UPLOAD));
        Files.createDirectories(serverDir);
        env.put("MERITOCRAB_GITHUB_API_URL", github.url());
        env.put("MERITOCRAB_GITHUB_APP_ID", GitHubStub.APP_ID);
        env.put("MERITOCRAB_GITHUB_PRIVATE_KEY", github.writePrivateKey(serverDir).toString());
        env.put("MERITOCRAB_GITHUB_RETRY_BASE", "PT0.2S");
        env.put("MERITOCRAB_GITHUB_READ_TIMEOUT", "PT2S");
        env.put("MERITOCRAB_GITHUB_WRITE_SPACING", "PT0.3S");
        env.put("MERITOCRAB_ENFORCEMENT_RETRY_BASE", "PT1S");
        env.put("MERITOCRAB_DUPLICATES_RETRY_DELAY", "PT0.3S");
        env.put("MERITOCRAB_GITHUB_REDELIVERY_INTERVAL", "PT2S");
        // The shortest failover Liberty allows.
        env.put("MERITOCRAB_TIMER_FAILOVER_AFTER", "100s");
        env.put("MERITOCRAB_ENFORCEMENT_RETRY_CAP", "PT2S");
        // The breaker opens when 3 of the last 4 calls failed and tries again 3 s later.
        env.put("IO_MERITOCRAB_GITHUB_GITHUBTRANSPORT_SEND_CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "4");
        env.put("IO_MERITOCRAB_GITHUB_GITHUBTRANSPORT_SEND_CIRCUITBREAKER_FAILURERATIO", "0.75");
        env.put("IO_MERITOCRAB_GITHUB_GITHUBTRANSPORT_SEND_CIRCUITBREAKER_DELAY", "3000");
        return env;
    }
}
