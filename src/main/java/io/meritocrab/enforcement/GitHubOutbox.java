package io.meritocrab.enforcement;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.meritocrab.scoring.GateDecision;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable queue of things to do on GitHub: enforcement actions and command replies. A row is
 * leased with FOR UPDATE SKIP LOCKED and the lease committed before the GitHub calls, so two servers
 * never work on one row and a row whose server dies is taken up again when the lease runs out. Every
 * later update names the lease (attempt number), so a server whose lease ran out cannot overwrite
 * the outcome of the server that took over.
 */
@ApplicationScoped
public class GitHubOutbox {

    /**
     * The outbox owns every action's due time, a shadow close's included (its next_attempt_at starts at
     * its due_at): the persistent timer only wakes a server at that moment. So a timer lost or late (a
     * restart on Payara, whose timers live in its data grid; Liberty's failover threshold) delays
     * nothing beyond the workers' poll interval.
     */
    static final String DUE = "status = 'PENDING' AND next_attempt_at <= ?";

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.lease", defaultValue = "PT5M")
    Duration lease;

    public List<OutboxClaim> claimDueActions(int limit) {
        return claim("enforcement_action", null, limit);
    }

    public List<OutboxClaim> claimAction(long id) {
        return claim("enforcement_action", id, 1);
    }

    public List<OutboxClaim> claimDueReplies(int limit) {
        return claim("github_reply", null, limit);
    }

    public PendingAction action(long id) {
        String sql = "SELECT a.id, a.repository_id, r.full_name, r.installation_id, r.served, c.login, a.pull_number, "
                + "a.decision, a.credit, a.threshold, a.message, a.commented_at, a.delivery_id FROM enforcement_action a "
                + "JOIN repository r ON r.id = a.repository_id JOIN contributor c ON c.id = a.contributor_id "
                + "WHERE a.id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no enforcement action " + id);
                }
                Long installation = nullableLong(row, 4);
                return new PendingAction(row.getLong(1), row.getLong(2), row.getString(3),
                        installation, row.getBoolean(5), row.getString(6), row.getInt(7),
                        GateDecision.valueOf(row.getString(8)), row.getInt(9), row.getInt(10), row.getString(11),
                        row.getTimestamp(12) != null, row.getString(13));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read enforcement action " + id, e);
        }
    }

    public PendingReply reply(long id) {
        String sql = "SELECT g.id, r.full_name, r.installation_id, r.served, g.issue_number, g.body FROM github_reply g "
                + "JOIN repository r ON r.id = g.repository_id WHERE g.id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no reply " + id);
                }
                Long installation = nullableLong(row, 3);
                return new PendingReply(row.getLong(1), row.getString(2), installation,
                        row.getBoolean(4), row.getInt(5), row.getString(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read reply " + id, e);
        }
    }

    /** Marks a shadow close's timer as fired; false when it had fired already. */
    public boolean timerFired(long actionId) {
        Timestamp now = Timestamp.from(Instant.now());
        return update("UPDATE enforcement_action SET timer_fired_at = ?, next_attempt_at = ? "
                + "WHERE id = ? AND timer_fired_at IS NULL", now, now, actionId) == 1;
    }

    public void commented(OutboxClaim claim) {
        update("UPDATE enforcement_action SET commented_at = ? WHERE id = ? AND attempts = ?",
                Timestamp.from(Instant.now()), claim.id(), claim.attempt());
    }

    public void finishAction(OutboxClaim claim, ActionStatus status, String outcome) {
        update("UPDATE enforcement_action SET status = ?, outcome = ?, completed_at = ?, last_error = NULL "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                status.name(), cut(outcome, 500), Timestamp.from(Instant.now()), claim.id(), claim.attempt());
    }

    public void retryAction(OutboxClaim claim, Instant next, String error) {
        update("UPDATE enforcement_action SET next_attempt_at = ?, last_error = ? "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                Timestamp.from(next), cut(error, 2000), claim.id(), claim.attempt());
    }

    public void finishReply(OutboxClaim claim, ActionStatus status, String error) {
        update("UPDATE github_reply SET status = ?, last_error = ?, completed_at = ? "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                status.name(), cut(error, 2000), Timestamp.from(Instant.now()), claim.id(), claim.attempt());
    }

    public void retryReply(OutboxClaim claim, Instant next, String error) {
        update("UPDATE github_reply SET next_attempt_at = ?, last_error = ? "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                Timestamp.from(next), cut(error, 2000), claim.id(), claim.attempt());
    }

    private List<OutboxClaim> claim(String table, Long onlyId, int limit) {
        Instant now = Instant.now();
        String select = "SELECT id, attempts FROM " + table + " WHERE " + DUE
                + (onlyId != null ? " AND id = ?" : "") + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<OutboxClaim> claims = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(select)) {
                    int index = 1;
                    statement.setTimestamp(index++, Timestamp.from(now));
                    if (onlyId != null) {
                        statement.setLong(index++, onlyId);
                    }
                    statement.setInt(index, limit);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            claims.add(new OutboxClaim(rows.getLong(1), rows.getInt(2) + 1));
                        }
                    }
                }
                // The lease is taken only if the row is still as it was read: H2 lets a second lease see
                // a row another one had locked and just committed (PostgreSQL re-reads it and skips it).
                List<OutboxClaim> leased = new ArrayList<>();
                try (PreparedStatement leaseRow = connection.prepareStatement("UPDATE " + table
                        + " SET attempts = ?, next_attempt_at = ? WHERE id = ? AND attempts = ? AND " + DUE)) {
                    for (OutboxClaim claim : claims) {
                        leaseRow.setInt(1, claim.attempt());
                        leaseRow.setTimestamp(2, Timestamp.from(now.plus(lease)));
                        leaseRow.setLong(3, claim.id());
                        leaseRow.setInt(4, claim.attempt() - 1);
                        leaseRow.setTimestamp(5, Timestamp.from(now));
                        if (leaseRow.executeUpdate() == 1) {
                            leased.add(claim);
                        }
                    }
                }
                connection.commit();
                return leased;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lease from " + table, e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the GitHub outbox", e);
        }
    }

    /** Read on its own: wasNull() speaks of the last column read, so it must follow its getLong at once. */
    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
