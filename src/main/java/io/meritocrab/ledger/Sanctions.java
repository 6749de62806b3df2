package io.meritocrab.ledger;

import io.meritocrab.platform.Database;
import io.meritocrab.platform.EarlierRunLeases;
import io.meritocrab.platform.LeasedQueue;
import io.meritocrab.scoring.SanctionSteps.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of the `sanction` table: the steps contributors took by reaching the blacklist threshold
 * (`[sanctions] steps`, started by {@link CreditLedger}). A temporary step is a row of a durable queue due
 * at its end and leased through {@link LeasedQueue}, so it ends once, on whichever server takes it, and
 * after a restart; {@code sanctions.SanctionEnds} is the worker on the other side.
 */
@ApplicationScoped
public class Sanctions {

    private static final LeasedQueue ENDS = new LeasedQueue("sanction", "id", "next_attempt_at",
            "status = 'ACTIVE'");

    /** A step in force or past, for maintainers. */
    public record Sanction(long id, long contributorId, int step, int stepCount, Instant startedAt, Instant endsAt,
                           String status) {

        public boolean permanent() {
            return endsAt == null;
        }
    }

    /** A temporary step whose end this server has leased. */
    public record DueEnd(LeasedQueue.Lease lease, long contributorId, int step, int stepCount) {
    }

    @Inject
    Database dataSource;

    /** How many steps the contributor has taken. */
    public int taken(long contributorId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM sanction "
                     + "WHERE contributor_id = ?")) {
            count.setLong(1, contributorId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the sanctions of contributor " + contributorId, e);
        }
    }

    /** Starts a step in the caller's transaction; returns when it ends (empty: permanent). */
    Optional<Instant> start(long contributorId, Step step, Instant now) {
        Instant endsAt = step.length().map(now::plus).orElse(null);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sanction (contributor_id, step, "
                     + "step_count, started_at, ends_at, status, attempts, next_attempt_at) "
                     + "VALUES (?, ?, ?, ?, ?, 'ACTIVE', 0, ?)")) {
            insert.setLong(1, contributorId);
            insert.setInt(2, step.number());
            insert.setInt(3, step.of());
            insert.setTimestamp(4, Timestamp.from(now));
            setTimestamp(insert, 5, endsAt);
            setTimestamp(insert, 6, endsAt);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not start a sanction of contributor " + contributorId, e);
        }
        return Optional.ofNullable(endsAt);
    }

    /** A maintainer lifted the blacklist: the step in force ends now (`LIFTED`), in the caller's transaction. */
    void lift(long contributorId, String actor, Instant now) {
        update("UPDATE sanction SET status = 'LIFTED', ended_at = ?, ended_by = ?, next_attempt_at = NULL "
                + "WHERE contributor_id = ? AND status = 'ACTIVE'", contributorId, Timestamp.from(now), actor);
    }

    /** A maintainer blacklisted the contributor: the step in force no longer ends by itself. */
    void makePermanent(long contributorId) {
        update("UPDATE sanction SET ends_at = NULL, next_attempt_at = NULL WHERE contributor_id = ? "
                + "AND status = 'ACTIVE'", contributorId);
    }

    private void update(String sql, long contributorId, Object... before) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : before) {
                update.setObject(index++, value);
            }
            update.setLong(index, contributorId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the sanction of contributor " + contributorId, e);
        }
    }

    /** The contributor's step in force, if any. */
    public Optional<Sanction> inForce(long contributorId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, contributor_id, step, step_count, "
                     + "started_at, ends_at, status FROM sanction WHERE contributor_id = ? AND status = 'ACTIVE' "
                     + "ORDER BY id DESC LIMIT 1")) {
            select.setLong(1, contributorId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp endsAt = row.getTimestamp(6);
                return Optional.of(new Sanction(row.getLong(1), row.getLong(2), row.getInt(3), row.getInt(4),
                        row.getTimestamp(5).toInstant(), endsAt == null ? null : endsAt.toInstant(),
                        row.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sanction of contributor " + contributorId, e);
        }
    }

    /** Leases temporary steps whose end has come, unless another server has them. */
    public List<DueEnd> claimDueEnds(int limit, Duration lease, String holder) {
        try {
            return ENDS.claim(dataSource, Instant.now(), lease, holder, limit, "TRUE", List.of(),
                    "contributor_id, step, step_count", (granted, row) -> new DueEnd(granted, row.getLong(3),
                            row.getInt(4), row.getInt(5)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not lease the ends of sanctions", e);
        }
    }

    /** Marks a leased step ended, in the caller's transaction; false when the lease was lost meanwhile. */
    public boolean endWhileHeld(DueEnd end, Instant now) {
        try {
            return ENDS.whileHeld(dataSource, end.lease(), "status = 'ENDED', ended_at = ?, ended_by = 'system', "
                    + "lease_holder = NULL", Timestamp.from(now));
        } catch (SQLException e) {
            throw new IllegalStateException("could not end sanction " + end.lease().id(), e);
        }
    }

    /** Makes the ends a dead earlier run of this replica had leased due at once. */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        ENDS.takeBack(dataSource, Instant.now(), earlier.holderPrefix(), earlier.currentHolder());
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }
}
