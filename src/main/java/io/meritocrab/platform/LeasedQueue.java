package io.meritocrab.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A table used as a durable work queue, the one way every queue here leases its rows (the delivery
 * inbox, the GitHub outbox, the model requests, and the runs of periodic jobs in {@link PeriodicJobs}).
 *
 * <ul>
 *   <li>Due rows are picked with FOR UPDATE SKIP LOCKED, so servers sharing one database never lease the
 *       same row.</li>
 *   <li>The lease (the next attempt's number, and a due time moved past the lease) is committed before
 *       the caller starts on the work, so a row whose server dies is due again when the lease runs out.</li>
 *   <li>The attempt number is the lease's token: an outcome is written only {@link #whileHeld} by the
 *       holder of that attempt, so a server whose lease ran out cannot overwrite its successor's.</li>
 *   <li>The lease names its holder (a run of a replica, see {@link ReplicaIdentity}), so a restarted server
 *       {@link #takeBack takes back} what its dead earlier run had leased at once instead of when the lease
 *       ends.</li>
 * </ul>
 *
 * <p>Every queue table has an {@code attempts} column, a {@code lease_holder} column, a numeric key and a
 * due-time column; a queue whose finished rows stay in the table names the condition of its unfinished ones
 * ({@code status = 'PENDING'}). Its due index ends with the due column and then the key, the order a claim
 * takes rows in, so a claim reads one batch from the index instead of sorting every due row (migration V122).
 */
public final class LeasedQueue {

    /** A row leased to this server for one attempt. */
    public record Lease(long id, int attempt) {
    }

    /** Reads the caller's view of a leased row from the columns it asked {@link #claim} for. */
    @FunctionalInterface
    public interface LeasedRow<T> {
        T read(Lease lease, ResultSet row) throws SQLException;
    }

    private final String table;
    private final String key;
    private final String dueColumn;
    private final String unfinished;

    /**
     * @param unfinished the SQL condition of rows still to be worked on, or {@code "TRUE"} for a queue
     *                   whose rows are deleted when done
     */
    public LeasedQueue(String table, String key, String dueColumn, String unfinished) {
        this.table = table;
        this.key = key;
        this.dueColumn = dueColumn;
        this.unfinished = unfinished;
    }

    /**
     * Leases up to {@code limit} rows that are unfinished, due at {@code now}, and match {@code condition}
     * (SQL over the table's columns, "TRUE" for none; its parameters follow the due time), oldest due first.
     *
     * @param holder  who takes the lease: {@link ReplicaIdentity#holder()}
     * @param columns the further columns {@code read} sees, after the key and the attempts (may be empty)
     */
    public <T> List<T> claim(DataSource dataSource, Instant now, Duration lease, String holder, int limit, String condition,
                             List<Object> parameters, String columns, LeasedRow<T> read) throws SQLException {
        String select = "SELECT " + key + ", attempts" + (columns.isEmpty() ? "" : ", " + columns) + " FROM " + table
                + " WHERE " + unfinished + " AND " + dueColumn + " <= ? AND (" + condition + ") ORDER BY " + dueColumn
                + ", " + key + " LIMIT ? FOR UPDATE SKIP LOCKED";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<T> leased = new ArrayList<>();
                List<Lease> leases = new ArrayList<>();
                try (PreparedStatement due = connection.prepareStatement(select)) {
                    int index = 1;
                    due.setTimestamp(index++, Timestamp.from(now));
                    for (Object parameter : parameters) {
                        due.setObject(index++, parameter);
                    }
                    due.setInt(index, limit);
                    try (ResultSet rows = due.executeQuery()) {
                        while (rows.next()) {
                            Lease granted = new Lease(rows.getLong(1), rows.getInt(2) + 1);
                            leases.add(granted);
                            leased.add(read.read(granted, rows));
                        }
                    }
                }
                List<T> taken = new ArrayList<>();
                if (!leases.isEmpty()) {
                    // Taken only if the row is still as it was read: H2 lets a second claimer see a row that
                    // another had locked and has just committed (PostgreSQL re-reads such a row and skips it).
                    try (PreparedStatement take = connection.prepareStatement("UPDATE " + table
                            + " SET attempts = ?, " + dueColumn + " = ?, lease_holder = ? WHERE " + key
                            + " = ? AND attempts = ? AND " + unfinished + " AND " + dueColumn + " <= ?")) {
                        Timestamp until = Timestamp.from(now.plus(lease));
                        for (Lease granted : leases) {
                            take.setInt(1, granted.attempt());
                            take.setTimestamp(2, until);
                            take.setString(3, holder);
                            take.setLong(4, granted.id());
                            take.setInt(5, granted.attempt() - 1);
                            take.setTimestamp(6, Timestamp.from(now));
                            take.addBatch();
                        }
                        int[] counts = take.executeBatch();
                        for (int i = 0; i < counts.length; i++) {
                            if (counts[i] != 0) {
                                taken.add(leased.get(i));
                            }
                        }
                    }
                }
                connection.commit();
                return taken;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Updates a leased row only while this server still holds its lease: {@code assignments} is the SQL of
     * a SET clause, {@code values} its parameters. In a JTA transaction the connection takes part in it.
     *
     * @return whether the lease was still held (the row was updated)
     */
    public boolean whileHeld(DataSource dataSource, Lease lease, String assignments, Object... values)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(updateWhileHeld(assignments))) {
            bindWhileHeld(update, lease, values);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * {@link #whileHeld} for several leased rows in one batch: row {@code i} gets {@code values.get(i)}.
     *
     * @return for each lease, whether it was still held (its row was updated)
     */
    public boolean[] whileHeld(DataSource dataSource, List<Lease> leases, String assignments, List<Object[]> values)
            throws SQLException {
        boolean[] held = new boolean[leases.size()];
        if (leases.isEmpty()) {
            return held;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(updateWhileHeld(assignments))) {
            for (int i = 0; i < leases.size(); i++) {
                bindWhileHeld(update, leases.get(i), values.get(i));
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                // A driver may answer SUCCESS_NO_INFO (-2) for a batched row it did update.
                held[i] = counts[i] != 0;
            }
            return held;
        }
    }

    /** The update of one leased row, made only while its lease is held: the assignments' values, then the lease. */
    private String updateWhileHeld(String assignments) {
        return "UPDATE " + table + " SET " + assignments + " WHERE " + key + " = ? AND attempts = ? AND " + unfinished;
    }

    private static void bindWhileHeld(PreparedStatement update, Lease lease, Object[] values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            update.setObject(index++, value);
        }
        update.setLong(index++, lease.id());
        update.setInt(index, lease.attempt());
    }

    /**
     * Ends a lease with the row due again at {@code due} (a later attempt), only while this server still holds
     * it; {@code assignments} is the SQL of further SET clauses, {@code values} their parameters. In a JTA
     * transaction the connection takes part in it.
     */
    public boolean rescheduleWhileHeld(DataSource dataSource, Lease lease, Instant due, String assignments,
                                       Object... values) throws SQLException {
        Object[] all = new Object[values.length + 1];
        all[0] = Timestamp.from(due);
        System.arraycopy(values, 0, all, 1, values.length);
        return whileHeld(dataSource, lease, dueColumn + " = ?, lease_holder = NULL, " + assignments, all);
    }

    /**
     * Deletes a leased row whose work is done, for a queue whose rows do not outlive their work; only while
     * this server still holds the lease. In a JTA transaction the connection takes part in it.
     */
    public boolean removeWhileHeld(DataSource dataSource, Lease lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + key
                     + " = ? AND attempts = ? AND " + unfinished)) {
            delete.setLong(1, lease.id());
            delete.setInt(2, lease.attempt());
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * Hands back leases this server will not use (it is shutting down): the rows are due at once for
     * another server or the next start, and the unused attempt is not counted.
     */
    public void release(DataSource dataSource, List<Lease> unused) throws SQLException {
        if (unused.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement("UPDATE " + table + " SET attempts = attempts - 1, "
                     + dueColumn + " = ?, lease_holder = NULL WHERE " + key + " = ? AND attempts = ? AND " + unfinished)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Lease lease : unused) {
                release.setTimestamp(1, now);
                release.setLong(2, lease.id());
                release.setInt(3, lease.attempt());
                release.addBatch();
            }
            release.executeBatch();
        }
    }

    /**
     * Makes the rows an earlier, dead run of this replica still holds due at {@code now}: their holder starts
     * with the replica's {@code holderPrefix} and is not {@code currentHolder}. The attempt stays counted.
     *
     * @return how many rows were taken back
     */
    public int takeBack(DataSource dataSource, Instant now, String holderPrefix, String currentHolder)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement takeBack = connection.prepareStatement("UPDATE " + table + " SET " + dueColumn
                     + " = ?, lease_holder = NULL WHERE " + unfinished + " AND " + dueColumn + " > ? "
                     + "AND lease_holder <> ? AND LEFT(lease_holder, ?) = ?")) {
            takeBack.setTimestamp(1, Timestamp.from(now));
            takeBack.setTimestamp(2, Timestamp.from(now));
            takeBack.setString(3, currentHolder);
            takeBack.setInt(4, holderPrefix.length());
            takeBack.setString(5, holderPrefix);
            return takeBack.executeUpdate();
        }
    }
}
