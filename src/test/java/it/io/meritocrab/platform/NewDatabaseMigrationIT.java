package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ExtraServer;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.LibertyServer;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new database in which a table exists before the first migration, as when Liberty's persistent
 * timer store creates meritocrab_timer_* first (seen on this machine): the server still migrates from
 * V1 and becomes ready, instead of refusing a non-empty schema without a migration history.
 */
class NewDatabaseMigrationIT {

    private static final String DATABASE = "meritocrab_tables_first";
    private static ExtraServer server;

    @BeforeAll
    static void startOnADatabaseWithATableAlready() throws Exception {
        try (Connection connection = ItEnvironment.database().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE created_before_the_migration (id BIGINT PRIMARY KEY)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        LibertyServer itServer = new LibertyServer(System.getProperty("meritocrab.it.server"));
        for (String line : Files.readAllLines(itServer.directory().resolve("server.env"))) {
            String[] pair = line.split("=", 2);
            if (pair.length == 2 && !pair[0].endsWith("_PORT")) {
                env.put(pair[0], pair[1]);
            }
        }
        env.put("MERITOCRAB_DB_URL", env.get("MERITOCRAB_DB_URL").replaceFirst("/postgres$", "/" + DATABASE));
        server = ExtraServer.create("meritocrab-tables-first", 0, env);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        try (Connection connection = ItEnvironment.database().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void migratesEveryVersionFromV1AndBecomesReady() throws Exception {
        AdminApi api = new AdminApi(new URL(server.baseUrl()), ItEnvironment.ADMIN_TOKEN);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(api.get("/health/ready").statusCode()).isEqualTo(200));

        List<String> versions = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, type, success FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                versions.add(rows.getString("version") + ":" + rows.getString("type"));
            }
        }
        assertThat(versions).first().isEqualTo("0:BASELINE");
        assertThat(versions).contains("1:SQL");
        assertThat(server.messagesLog()).contains("Database schema at version").doesNotContain("Database migration failed");
    }

    private static Connection connect() throws Exception {
        String url = "jdbc:postgresql://" + ItEnvironment.libpqUrl().replaceFirst("^postgresql://[^@]*@", "")
                .replaceFirst("/postgres$", "/" + DATABASE);
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
