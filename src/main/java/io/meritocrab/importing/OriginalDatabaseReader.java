package io.meritocrab.importing;

import static io.meritocrab.importing.OriginalColumns.classification;
import static io.meritocrab.importing.OriginalColumns.confidence;
import static io.meritocrab.importing.OriginalColumns.flag;
import static io.meritocrab.importing.OriginalColumns.hasTable;
import static io.meritocrab.importing.OriginalColumns.integer;
import static io.meritocrab.importing.OriginalColumns.number;
import static io.meritocrab.importing.OriginalColumns.requireTables;
import static io.meritocrab.importing.OriginalColumns.text;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the original meritocrab's server-mode database (its migrations/001_initial.sql: contributors,
 * credit_events, pending_evaluations, repo_configs) from a JDBC connection, SQLite or PostgreSQL alike.
 * The tables are the original's, not this server's: only read here, through plain JDBC.
 */
final class OriginalDatabaseReader {

    private OriginalDatabaseReader() {
    }

    static OriginalLedger read(Connection connection) throws SQLException {
        requireTables(connection);
        Map<Long, Row> contributors = new LinkedHashMap<>();
        List<OriginalLedger.Unmapped> unplaced = new ArrayList<>();
        Map<String, Builder> repositories = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, github_user_id, repo_owner, repo_name, "
                        + "credit_score, is_blacklisted FROM contributors ORDER BY id")) {
            while (rows.next()) {
                String label = "contributors id=" + rows.getString("id");
                try {
                    Row row = new Row(number(rows, "id"), number(rows, "github_user_id"),
                            text(rows, "repo_owner") + "/" + text(rows, "repo_name"),
                            integer(rows, "credit_score"), flag(rows, "is_blacklisted"));
                    contributors.put(row.id(), row);
                    repositories.computeIfAbsent(row.repository(), Builder::new);
                } catch (IllegalArgumentException e) {
                    unplaced.add(new OriginalLedger.Unmapped(label, e.getMessage()));
                }
            }
        }
        Map<Long, List<OriginalLedger.Event>> events = readEvents(connection, contributors, repositories, unplaced);
        for (Row row : contributors.values()) {
            Builder repository = repositories.get(row.repository());
            int credit = row.credit();
            if (credit < 0) {
                repository.unmapped.add(new OriginalLedger.Unmapped("contributors id=" + row.id(),
                        "credit " + credit + " is below 0; imported as 0"));
                credit = 0;
            }
            repository.contributors.add(new OriginalLedger.Contributor(row.userId(), null, credit, row.blacklisted(),
                    events.getOrDefault(row.id(), List.of()),
                    ImportKeys.contributor(ImportKeys.DATABASE, row.repository(), row.userId())));
        }
        readPending(connection, contributors, repositories, unplaced);
        readConfigs(connection, repositories);
        return new OriginalLedger("meritocrab database",
                repositories.values().stream().map(Builder::build).toList(), unplaced);
    }

    private static Map<Long, List<OriginalLedger.Event>> readEvents(Connection connection, Map<Long, Row> contributors,
            Map<String, Builder> repositories, List<OriginalLedger.Unmapped> unplaced) throws SQLException {
        Map<Long, List<OriginalLedger.Event>> events = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, contributor_id, event_type, delta, credit_before, "
                        + "credit_after, llm_evaluation, maintainer_override, created_at FROM credit_events "
                        + "ORDER BY contributor_id, created_at, id")) {
            while (rows.next()) {
                String label = "credit_events id=" + rows.getString("id");
                Row owner;
                try {
                    owner = contributors.get(number(rows, "contributor_id"));
                } catch (IllegalArgumentException e) {
                    unplaced.add(new OriginalLedger.Unmapped(label, e.getMessage()));
                    continue;
                }
                if (owner == null) {
                    unplaced.add(new OriginalLedger.Unmapped(label, "its contributor " + rows.getString("contributor_id")
                            + " is not in contributors"));
                    continue;
                }
                try {
                    long id = number(rows, "id");
                    int after = integer(rows, "credit_after");
                    if (after < 0) {
                        throw new IllegalArgumentException("credit_after " + after + " is below 0");
                    }
                    events.computeIfAbsent(owner.id(), k -> new ArrayList<>()).add(new OriginalLedger.Event(
                            ImportKeys.of(ImportKeys.contributor(ImportKeys.DATABASE, owner.repository(), owner.userId())
                                    + ":event:" + id),
                            text(rows, "event_type"), integer(rows, "delta"), integer(rows, "credit_before"),
                            after, rows.getString("created_at"), rows.getString("llm_evaluation"),
                            rows.getString("maintainer_override"), null));
                } catch (IllegalArgumentException e) {
                    repositories.get(owner.repository()).unmapped.add(new OriginalLedger.Unmapped(label, e.getMessage()));
                }
            }
        }
        return events;
    }

    private static void readPending(Connection connection, Map<Long, Row> contributors,
            Map<String, Builder> repositories, List<OriginalLedger.Unmapped> unplaced) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, contributor_id, repo_owner, repo_name, "
                        + "llm_classification, confidence, proposed_delta, status, maintainer_note, created_at "
                        + "FROM pending_evaluations ORDER BY created_at, id")) {
            while (rows.next()) {
                String id = rows.getString("id");
                String label = "pending_evaluations id=" + id;
                String repository = rows.getString("repo_owner") + "/" + rows.getString("repo_name");
                Builder target = repositories.computeIfAbsent(repository, Builder::new);
                try {
                    Row author = contributors.get(number(rows, "contributor_id"));
                    if (author == null) {
                        throw new IllegalArgumentException("its contributor " + rows.getString("contributor_id")
                                + " is not in contributors");
                    }
                    String status = text(rows, "status");
                    if (!"pending".equalsIgnoreCase(status)) {
                        throw new IllegalArgumentException("already decided there (" + status
                                + "); its credit change is among the events");
                    }
                    target.pending.add(new OriginalLedger.Pending(
                            ImportKeys.of(ImportKeys.DATABASE + ":" + repository.toLowerCase(Locale.ROOT) + ":pending:" + id),
                            author.userId(), classification(text(rows, "llm_classification")),
                            confidence(rows.getDouble("confidence")), integer(rows, "proposed_delta"),
                            rows.getString("maintainer_note"), rows.getString("created_at")));
                } catch (IllegalArgumentException e) {
                    target.unmapped.add(new OriginalLedger.Unmapped(label, e.getMessage()));
                }
            }
        }
    }

    private static void readConfigs(Connection connection, Map<String, Builder> repositories) throws SQLException {
        if (!hasTable(connection.getMetaData(), "repo_configs")) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT owner, repo FROM repo_configs ORDER BY id")) {
            while (rows.next()) {
                String repository = rows.getString("owner") + "/" + rows.getString("repo");
                Builder target = repositories.get(repository);
                if (target != null) {
                    target.unmapped.add(new OriginalLedger.Unmapped("repo_configs " + repository,
                            "a cache of the repository's .meritocrab.toml, which this server reads from the repository"));
                }
            }
        }
    }

    private record Row(long id, long userId, String repository, int credit, boolean blacklisted) {
    }

    private static final class Builder {
        final String fullName;
        final List<OriginalLedger.Contributor> contributors = new ArrayList<>();
        final List<OriginalLedger.Pending> pending = new ArrayList<>();
        final List<OriginalLedger.Unmapped> unmapped = new ArrayList<>();

        Builder(String fullName) {
            this.fullName = fullName;
        }

        OriginalLedger.Repository build() {
            return new OriginalLedger.Repository(fullName, contributors, pending, unmapped);
        }
    }
}
