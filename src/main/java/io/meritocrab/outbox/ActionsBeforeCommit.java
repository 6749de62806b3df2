package io.meritocrab.outbox;

import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The enforcement actions one transaction queued, written together in one JDBC batch just before it commits
 * (a batch of deliveries queues one per pull request: one round trip instead of one each). Registered as an
 * interposed synchronization, so it runs inside the transaction and on its connection; a failure here rolls
 * the whole transaction back. Nothing reads the rows before then: every statement on the table is in
 * {@link GitHubOutbox}, and the others run in transactions of their own, after this one committed.
 */
final class ActionsBeforeCommit implements Synchronization {

    interface Row {
        void bind(PreparedStatement insert) throws SQLException;
    }

    private final DataSource database;
    private final String insert;
    private final List<Row> rows = new ArrayList<>();

    ActionsBeforeCommit(DataSource database, String insert) {
        this.database = database;
        this.insert = insert;
    }

    void add(Row row) {
        rows.add(row);
    }

    @Override
    public void beforeCompletion() {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Row row : rows) {
                row.bind(statement);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue " + rows.size() + " actions in the GitHub outbox", e);
        }
    }

    @Override
    public void afterCompletion(int status) {
        // Written before the commit, or rolled back with it: nothing is left to do either way.
    }
}
