package io.meritocrab.enforcement;

import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.ReplicaIdentity.EarlierRunLeases;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.logging.Logger;
import io.meritocrab.scoring.GateDecision;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable queue of things to do on GitHub: enforcement actions and command replies. A row is
 * leased with FOR UPDATE SKIP LOCKED and the lease committed before the GitHub calls, so two servers
 * never work on one row and a row whose server dies is taken up again when the lease runs out (at once
 * when that server is restarted: the lease names its holder, see {@link ReplicaIdentity}). Every
 * later update names the lease (attempt number), so a server whose lease ran out cannot overwrite
 * the outcome of the server that took over.
 */
@ApplicationScoped
public class GitHubOutbox {

    /**
     * A shadow close becomes due when its persistent timer fires. Should a timer be lost (its server
     * gone for good without the cluster's failover taking it over), the action is taken anyway a grace
     * period after it was due.
     */
    static final String DUE_ACTION = "status = 'PENDING' AND next_attempt_at <= ? "
            + "AND (decision <> 'SHADOW_CLOSE' OR timer_fired_at IS NOT NULL OR due_at <= ?)";
    static final String DUE_REPLY = "status = 'PENDING' AND next_attempt_at <= ?";
    private static final Logger LOG = Logger.getLogger(GitHubOutbox.class.getName());

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.lease", defaultValue = "PT5M")
    Duration lease;
    @Inject @ConfigProperty(name = "meritocrab.shadow.close.timer-grace", defaultValue = "PT10M")
    Duration timerGrace;
    @Inject
    ReplicaIdentity identity;

    public List<OutboxClaim> claimDueActions(int limit) {
        return claim("enforcement_action", DUE_ACTION, null, limit, true);
    }

    public List<OutboxClaim> claimAction(long id) {
        return claim("enforcement_action", DUE_ACTION, id, 1, true);
    }

    public List<OutboxClaim> claimDueReplies(int limit) {
        return claim("github_reply", DUE_REPLY, null, limit, false);
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
                long installation = row.getLong(4);
                return new PendingAction(row.getLong(1), row.getLong(2), row.getString(3),
                        row.wasNull() ? null : installation, row.getBoolean(5), row.getString(6), row.getInt(7),
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
                long installation = row.getLong(3);
                return new PendingReply(row.getLong(1), row.getString(2), row.wasNull() ? null : installation,
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
        update("UPDATE enforcement_action SET next_attempt_at = ?, last_error = ?, lease_holder = NULL "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                Timestamp.from(next), cut(error, 2000), claim.id(), claim.attempt());
    }

    public void finishReply(OutboxClaim claim, ActionStatus status, String error) {
        update("UPDATE github_reply SET status = ?, last_error = ?, completed_at = ? "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                status.name(), cut(error, 2000), Timestamp.from(Instant.now()), claim.id(), claim.attempt());
    }

    public void retryReply(OutboxClaim claim, Instant next, String error) {
        update("UPDATE github_reply SET next_attempt_at = ?, last_error = ?, lease_holder = NULL "
                        + "WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                Timestamp.from(next), cut(error, 2000), claim.id(), claim.attempt());
    }

    private List<OutboxClaim> claim(String table, String due, Long onlyId, int limit, boolean timerGraceParameter) {
        Instant now = Instant.now();
        String select = "SELECT id, attempts FROM " + table + " WHERE " + due
                + (onlyId != null ? " AND id = ?" : "") + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<OutboxClaim> claims = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(select)) {
                    int index = 1;
                    statement.setTimestamp(index++, Timestamp.from(now));
                    if (timerGraceParameter) {
                        statement.setTimestamp(index++, Timestamp.from(now.minus(timerGrace)));
                    }
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
                try (PreparedStatement leaseRow = connection.prepareStatement(
                        "UPDATE " + table + " SET attempts = ?, next_attempt_at = ?, lease_holder = ? WHERE id = ?")) {
                    String holder = identity.holder();
                    for (OutboxClaim claim : claims) {
                        leaseRow.setInt(1, claim.attempt());
                        leaseRow.setTimestamp(2, Timestamp.from(now.plus(lease)));
                        leaseRow.setString(3, holder);
                        leaseRow.setLong(4, claim.id());
                        leaseRow.addBatch();
                    }
                    if (!claims.isEmpty()) {
                        leaseRow.executeBatch();
                    }
                }
                connection.commit();
                return claims;
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

    /**
     * Makes the actions and replies an earlier run of this replica had leased due at once: that run is
     * dead, and a retry after an unknown outcome looks on GitHub before it comments again.
     */
    void takeBack(@Observes EarlierRunLeases earlier) {
        for (String table : new String[] {"enforcement_action", "github_reply"}) {
            Timestamp now = Timestamp.from(Instant.now());
            int taken = update("UPDATE " + table + " SET next_attempt_at = ?, lease_holder = NULL WHERE status = 'PENDING' "
                            + "AND next_attempt_at > ? AND lease_holder <> ? AND LEFT(lease_holder, ?) = ?",
                    now, now, earlier.currentHolder(), earlier.holderPrefix().length(), earlier.holderPrefix());
            LOG.info(() -> "Took back " + taken + " rows of " + table + " leased by an earlier run of this replica");
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

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
