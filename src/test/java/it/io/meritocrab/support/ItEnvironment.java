package it.io.meritocrab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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
    public static final String APP_ID = "12345";

    private static EmbeddedPostgres postgres;

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

    /** A fresh RSA key standing in for the GitHub App's, as a PKCS#8 PEM file beside the server. */
    public static Path writeAppPrivateKey(Path serverDir) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(serverDir);
            return Files.writeString(serverDir.resolve("github-app-key.pem"), pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeServerEnv(Path serverDir, int port) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
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
        env.put("MERITOCRAB_SHADOW_CLOSE_MIN_DELAY", "30");
        env.put("MERITOCRAB_SHADOW_CLOSE_MAX_DELAY", "120");
        env.put("MERITOCRAB_GITHUB_APP_ID", APP_ID);
        env.put("MERITOCRAB_GITHUB_PRIVATE_KEY", writeAppPrivateKey(serverDir).toString());
        // The tests pose as clients behind a proxy (X-Forwarded-For) to get rate-limit buckets of their own.
        env.put("MERITOCRAB_RATE_LIMIT_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
        env.put("MERITOCRAB_RETENTION_INTERVAL", "PT2S");
        Files.createDirectories(serverDir);
        Files.writeString(serverDir.resolve("server.env"), env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }
}
