package it.io.meritocrab.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Data as the original meritocrab leaves it, made by the tests: its server-mode SQLite database built
 * from its own 001_initial.sql (src/test/resources/original), and its Actions-mode files in their shape.
 */
public final class OriginalMeritocrab {

    private OriginalMeritocrab() {
    }

    /** The original's schema, statement by statement. */
    public static String[] schema() {
        try (InputStream in = OriginalMeritocrab.class.getResourceAsStream("/original/001_initial.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same schema for PostgreSQL, as the original's server mode would have it there: identity keys,
     * 64-bit integers (GitHub ids), timestamps as text.
     */
    public static String[] postgresSchema() {
        return Arrays.stream(schema())
                .map(sql -> sql.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")
                        .replace("INTEGER", "BIGINT").replace("REAL", "DOUBLE PRECISION")
                        .replace("(datetime('now'))", "CURRENT_TIMESTAMP"))
                .toArray(String[]::new);
    }

    /** The original's server-mode database: rows are added as the original would have written them. */
    public static final class Database implements AutoCloseable {

        private final Path file;
        private final Connection connection;

        /** A SQLite file, as the original keeps it by default. */
        public Database(Path file) throws SQLException {
            this(file, DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()), schema());
        }

        /** On an empty PostgreSQL database. */
        public static Database onPostgres(DataSource database) throws SQLException {
            return new Database(null, database.getConnection(), postgresSchema());
        }

        private Database(Path file, Connection connection, String[] schema) throws SQLException {
            this.file = file;
            this.connection = connection;
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema) {
                    if (!sql.replaceAll("(?m)^--.*$", "").isBlank()) {
                        statement.executeUpdate(sql);
                    }
                }
            }
        }

        /** Adds a contributor of repository "owner/name" and returns its row id. */
        public long contributor(long userId, String repository, int credit, boolean blacklisted) throws SQLException {
            String[] name = repository.split("/");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contributors (github_user_id, "
                    + "repo_owner, repo_name, credit_score, is_blacklisted) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, userId);
                insert.setString(2, name[0]);
                insert.setString(3, name[1]);
                insert.setInt(4, credit);
                insert.setInt(5, blacklisted ? 1 : 0);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        public void event(long contributorRow, String type, int delta, int before, int after, String evaluation,
                          String override, String time) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO credit_events (contributor_id, "
                    + "event_type, delta, credit_before, credit_after, llm_evaluation, maintainer_override, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, contributorRow);
                insert.setString(2, type);
                insert.setInt(3, delta);
                insert.setInt(4, before);
                insert.setInt(5, after);
                insert.setString(6, evaluation);
                insert.setString(7, override);
                insert.setString(8, time);
                insert.executeUpdate();
            }
        }

        public void pending(String id, long contributorRow, String repository, String classification, double confidence,
                            int proposedDelta, String status, String time) throws SQLException {
            String[] name = repository.split("/");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pending_evaluations (id, "
                    + "contributor_id, repo_owner, repo_name, llm_classification, confidence, proposed_delta, status, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, contributorRow);
                insert.setString(3, name[0]);
                insert.setString(4, name[1]);
                insert.setString(5, classification);
                insert.setDouble(6, confidence);
                insert.setInt(7, proposedDelta);
                insert.setString(8, status);
                insert.setString(9, time);
                insert.setString(10, time);
                insert.executeUpdate();
            }
        }

        public void repoConfig(String repository) throws SQLException {
            String[] name = repository.split("/");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO repo_configs (owner, repo, config_json, ttl) VALUES (?, ?, '{}', 300)")) {
                insert.setString(1, name[0]);
                insert.setString(2, name[1]);
                insert.executeUpdate();
            }
        }

        /** Runs any SQL on the original's database, for rows the original's own code would not write. */
        public void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        }

        /** The finished file's bytes (the database is closed). */
        public byte[] bytes() throws SQLException, IOException {
            close();
            return Files.readAllBytes(file);
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() throws SQLException {
            if (!connection.isClosed()) {
                connection.close();
            }
        }
    }

    /** The Actions mode's credit-data/contributors.json and credit-data/events.json. */
    public static final class ActionsState {

        private final Map<String, JsonObject> contributors = new LinkedHashMap<>();
        private final List<JsonObject> events = new ArrayList<>();

        public ActionsState contributor(long userId, String username, int credit, boolean blacklisted) {
            contributors.put(String.valueOf(userId), Json.createObjectBuilder().add("username", username)
                    .add("credit", credit).add("is_blacklisted", blacklisted).build());
            return this;
        }

        public ActionsState event(long userId, String type, int delta, int before, int after, Integer pullRequest,
                                  String summary, String timestamp) {
            JsonObjectBuilder event = Json.createObjectBuilder().add("contributor_id", userId).add("event_type", type)
                    .add("delta", delta).add("credit_before", before).add("credit_after", after);
            if (pullRequest != null) {
                event.add("pr_number", pullRequest);
            }
            if (summary != null) {
                event.add("evaluation_summary", summary);
            }
            events.add(event.add("timestamp", timestamp).build());
            return this;
        }

        /** The files as the API takes them: {"repository", "contributors", "events"}. */
        public String body(String repository) {
            return Json.createObjectBuilder().add("repository", repository).add("contributors", contributorsJson())
                    .add("events", eventsJson()).build().toString();
        }

        public JsonObject contributorsJson() {
            JsonObjectBuilder file = Json.createObjectBuilder();
            contributors.forEach(file::add);
            return file.build();
        }

        public JsonArray eventsJson() {
            JsonArrayBuilder file = Json.createArrayBuilder();
            events.forEach(file::add);
            return file.build();
        }
    }
}
