package it.io.meritocrab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (embedded binaries, no Docker) before the integration tests and points the
 * Liberty test server at it through its server.env, so the server Arquillian starts uses it. Does
 * nothing for unit tests (the system property is set only by failsafe).
 */
public class ItEnvironment implements LauncherSessionListener {

    public static final String WEBHOOK_SECRET = "it-webhook-secret";
    public static final String ADMIN_TOKEN = "it-admin-token";
    public static final String OAUTH_CLIENT_ID = "it-oauth-client";
    public static final String OAUTH_CLIENT_SECRET = "it-oauth-secret";
    /** Shadow closes fire this many seconds after the decision, at the earliest and the latest. */
    public static final int SHADOW_CLOSE_MIN_DELAY = 3;
    public static final int SHADOW_CLOSE_MAX_DELAY = 6;

    private static EmbeddedPostgres postgres;
    private static GitHubStub github;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String server = System.getProperty("meritocrab.it.server");
        if (server == null || postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .start();
            github = GitHubStub.start();
            writeServerEnv(new LibertyServer(server).directory(), postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        // Arquillian stops Liberty in a JVM shutdown hook, after this; PostgreSQL must outlive it.
        if (postgres != null) {
            EmbeddedPostgres running = postgres;
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

    public static DataSource database() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL runs only in the integration tests");
        }
        return postgres.getPostgresDatabase();
    }

    /** WireMock playing GitHub for the server under test. */
    public static GitHubStub github() {
        if (github == null) {
            throw new IllegalStateException("GitHub is played only in the integration tests");
        }
        return github;
    }

    private static void writeServerEnv(Path serverDir, int port) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (LlmStub.profileSelected()) {
            env.putAll(LlmStub.start(serverDir));
        }
        env.put("MERITOCRAB_DB_URL", "jdbc:postgresql://localhost:" + port + "/postgres");
        env.put("MERITOCRAB_DB_USER", "postgres");
        env.put("MERITOCRAB_DB_PASSWORD", "postgres");
        env.put("MERITOCRAB_HTTP_PORT", System.getProperty("meritocrab.it.http.port"));
        env.put("MERITOCRAB_HTTPS_PORT", String.valueOf(Integer.parseInt(System.getProperty("meritocrab.it.http.port")) + 363));
        env.put("MERITOCRAB_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("MERITOCRAB_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("MERITOCRAB_DELIVERY_RETRY_BASE", "PT1S");
        env.put("MERITOCRAB_DELIVERY_MAX_ATTEMPTS", "3");
        env.put("MERITOCRAB_DELIVERY_POLL_INTERVAL", "PT0.5S");
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
        env.put("MERITOCRAB_RETENTION_INTERVAL", "PT2S");
        Files.createDirectories(serverDir);
        env.put("MERITOCRAB_GITHUB_API_URL", github.url());
        env.put("MERITOCRAB_GITHUB_APP_ID", GitHubStub.APP_ID);
        env.put("MERITOCRAB_GITHUB_PRIVATE_KEY", github.writePrivateKey(serverDir).toString());
        env.put("MERITOCRAB_GITHUB_RETRY_BASE", "PT0.2S");
        env.put("MERITOCRAB_GITHUB_READ_TIMEOUT", "PT2S");
        env.put("MERITOCRAB_GITHUB_WRITE_SPACING", "PT0.3S");
        env.put("MERITOCRAB_ENFORCEMENT_RETRY_BASE", "PT1S");
        env.put("MERITOCRAB_GITHUB_REDELIVERY_INTERVAL", "PT2S");
        // The shortest failover Liberty allows; the lost-timer safety net far enough not to mask timers.
        env.put("MERITOCRAB_TIMER_FAILOVER_AFTER", "100s");
        env.put("MERITOCRAB_SHADOW_CLOSE_TIMER_GRACE", "PT30M");
        env.put("MERITOCRAB_ENFORCEMENT_RETRY_CAP", "PT2S");
        // The breaker opens when 3 of the last 4 calls failed and tries again 3 s later.
        env.put("IO_MERITOCRAB_GITHUB_GITHUBTRANSPORT_SEND_CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "4");
        env.put("IO_MERITOCRAB_GITHUB_GITHUBTRANSPORT_SEND_CIRCUITBREAKER_FAILURERATIO", "0.75");
        env.put("IO_MERITOCRAB_GITHUB_GITHUBTRANSPORT_SEND_CIRCUITBREAKER_DELAY", "3000");
        Files.writeString(serverDir.resolve("server.env"), env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }
}
