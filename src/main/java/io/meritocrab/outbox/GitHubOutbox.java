package io.meritocrab.outbox;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.platform.Database;
import io.meritocrab.platform.EarlierRunLeases;
import io.meritocrab.platform.LeasedQueue;
import io.meritocrab.platform.PooledSequence;
import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.Texts;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.GateDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The durable queue of things to do on GitHub, and the one owner of its tables: enforcement actions
 * (`enforcement_action`, queued by {@code gate.PullRequestGate} in the delivery's transaction) and
 * command replies (`github_reply`, queued by {@code commands.CreditCommands}). Every statement on either
 * table is here, all plain JDBC; rows are leased through the shared {@link LeasedQueue}, and
 * {@link GitHubActionWorker} carries them out once {@link OutboxSignal} wakes it after the commit.
 */
@ApplicationScoped
public class GitHubOutbox {

    private static final LeasedQueue ACTIONS = new LeasedQueue("enforcement_action", "id", "next_attempt_at",
            "status = 'PENDING'");
    private static final LeasedQueue REPLIES = new LeasedQueue("github_reply", "id", "next_attempt_at",
            "status = 'PENDING'");
    /** Both sequences advance by 50 (V1, V3). */
    private static final PooledSequence ACTION_IDS = new PooledSequence("enforcement_action_seq", 50);
    private static final PooledSequence REPLY_IDS = new PooledSequence("github_reply_seq", 50);
    private static final Logger LOG = Logger.getLogger(GitHubOutbox.class.getName());

    @Inject
    OutboxSettings settings;
    @Inject
    ReplicaIdentity identity;
    @Inject
    OutboxSignal signal;
    @Inject
    Database dataSource;
    @Inject
    Event<OutboxWork> queued;
    @Inject
    RepositoryDirectory repositories;
    @Inject
    ContributorRepository contributors;

    /**
     * Records the gate's decision in the caller's transaction: an action to carry out at {@code dueAt}, or,
     * for {@link GateDecision#ALLOW}, a record that nothing is needed.
     *
     * @return the action's id
     */
    public long queueAction(long repositoryId, long contributorId, String deliveryId, int pullNumber,
                            GateDecision decision, int credit, int threshold, String message, Instant dueAt,
                            Instant now) {
        boolean needed = decision != GateDecision.ALLOW;
        long id = insert(ACTION_IDS, "INSERT INTO enforcement_action (id, repository_id, contributor_id, "
                + "delivery_id, pull_number, decision, credit, threshold, message, due_at, status, created_at, "
                + "attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", (insert, next) -> {
                    insert.setLong(1, next);
                    insert.setLong(2, repositoryId);
                    insert.setLong(3, contributorId);
                    insert.setString(4, deliveryId);
                    insert.setInt(5, pullNumber);
                    insert.setString(6, decision.name());
                    insert.setInt(7, credit);
                    insert.setInt(8, threshold);
                    insert.setString(9, message);
                    setTimestamp(insert, 10, dueAt);
                    insert.setString(11, (needed ? ActionStatus.PENDING : ActionStatus.NONE_NEEDED).name());
                    insert.setTimestamp(12, Timestamp.from(now));
                    setTimestamp(insert, 13, dueAt);
                });
        if (decision == GateDecision.CLOSE_BELOW_THRESHOLD) {
            queued.fire(new OutboxWork(id));
        }
        return id;
    }

    /** Queues a reply on an issue or pull request in the caller's transaction (once per delivery). */
    public void queueReply(long repositoryId, int issueNumber, String deliveryId, String body) {
        Instant now = Instant.now();
        long id = insert(REPLY_IDS, "INSERT INTO github_reply (id, repository_id, issue_number, delivery_id, "
                + "body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                (insert, next) -> {
                    insert.setLong(1, next);
                    insert.setLong(2, repositoryId);
                    insert.setInt(3, issueNumber);
                    insert.setString(4, deliveryId);
                    insert.setString(5, body);
                    insert.setTimestamp(6, Timestamp.from(now));
                    insert.setTimestamp(7, Timestamp.from(now));
                });
        queued.fire(new OutboxWork(id));
    }

    /**
     * The outbox owns every action's due time, a shadow close's included (its next attempt starts at its
     * due time): the persistent timer only wakes a server at that moment. So a timer lost or late (a
     * restart on Payara, whose timers live in its data grid; Liberty's failover threshold) delays nothing
     * beyond the workers' poll interval.
     */
    public List<OutboxClaim> claimDueActions(int limit) {
        return claim(ACTIONS, limit, "TRUE", List.of());
    }

    /** Leases one action whose shadow-close timer just fired, unless another server has it. */
    public List<OutboxClaim> claimAction(long id) {
        return claim(ACTIONS, 1, "id = ?", List.of(id));
    }

    public List<OutboxClaim> claimDueReplies(int limit) {
        return claim(REPLIES, limit, "TRUE", List.of());
    }

    public PendingAction action(long id) {
        String sql = "SELECT repository_id, contributor_id, pull_number, decision, credit, threshold, message, "
                + "commented_at, delivery_id FROM enforcement_action WHERE id = ?";
        ActionRow row = readOne(sql, id, "enforcement action", r -> new ActionRow(r.getLong(1), r.getLong(2),
                r.getInt(3), GateDecision.valueOf(r.getString(4)), r.getInt(5), r.getInt(6), r.getString(7),
                r.getTimestamp(8) != null, r.getString(9)));
        TrackedRepository repository = repository(row.repositoryId());
        Contributor author = contributors.find(row.contributorId())
                .orElseThrow(() -> new IllegalStateException("no contributor " + row.contributorId()));
        return new PendingAction(id, repository.id(), repository.fullName(), repository.installationId(),
                repository.served(), row.contributorId(), author.login(), author.userId(), row.pullNumber(), row.decision(), row.credit(), row.threshold(),
                row.message(), row.commented(), row.deliveryId());
    }

    public PendingReply reply(long id) {
        String sql = "SELECT repository_id, issue_number, body FROM github_reply WHERE id = ?";
        ReplyRow row = readOne(sql, id, "reply", r -> new ReplyRow(r.getLong(1), r.getInt(2), r.getString(3)));
        TrackedRepository repository = repository(row.repositoryId());
        return new PendingReply(id, repository.fullName(), repository.installationId(), repository.served(),
                row.issueNumber(), row.body());
    }

    private TrackedRepository repository(long repositoryId) {
        return repositories.find(repositoryId)
                .orElseThrow(() -> new IllegalStateException("no repository " + repositoryId));
    }

    /** A reply's own columns, before its repository is looked up through the directory. */
    private record ReplyRow(long repositoryId, int issueNumber, String body) {
    }

    /** An action's own columns, before the repository and author are looked up through their owners. */
    private record ActionRow(long repositoryId, long contributorId, int pullNumber, GateDecision decision,
                             int credit, int threshold, String message, boolean commented, String deliveryId) {
    }

    /** Shadow closes decided and not yet carried out, for the gauges. */
    public long pendingShadowCloses() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM enforcement_action "
                     + "WHERE status = 'PENDING' AND decision = 'SHADOW_CLOSE'");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Marks a shadow close's timer as fired; false when it had fired already. The action's due time is
     * left alone: it was due when the timer fired, and a server may hold its lease already (making it due
     * again here would let a second server close the pull request a second time).
     */
    public boolean timerFired(long actionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement fired = connection.prepareStatement("UPDATE enforcement_action SET timer_fired_at = ? "
                     + "WHERE id = ? AND timer_fired_at IS NULL")) {
            fired.setTimestamp(1, Timestamp.from(Instant.now()));
            fired.setLong(2, actionId);
            return fired.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the timer of enforcement action " + actionId, e);
        }
    }

    public void commented(OutboxClaim claim) {
        whileHeld(ACTIONS, claim, "commented_at = ?", Timestamp.from(Instant.now()));
    }

    public void finishAction(OutboxClaim claim, ActionStatus status, String outcome) {
        whileHeld(ACTIONS, claim, "status = ?, outcome = ?, completed_at = ?, last_error = NULL",
                status.name(), Texts.cut(outcome, 500), Timestamp.from(Instant.now()));
    }

    public void retryAction(OutboxClaim claim, Instant next, String error) {
        rescheduleWhileHeld(ACTIONS, claim, next, Texts.cut(error, 2000));
    }

    public void finishReply(OutboxClaim claim, ActionStatus status, String error) {
        whileHeld(REPLIES, claim, "status = ?, last_error = ?, completed_at = ?",
                status.name(), Texts.cut(error, 2000), Timestamp.from(Instant.now()));
    }

    public void retryReply(OutboxClaim claim, Instant next, String error) {
        rescheduleWhileHeld(REPLIES, claim, next, Texts.cut(error, 2000));
    }

    private List<OutboxClaim> claim(LeasedQueue queue, int limit, String condition, List<Object> parameters) {
        try {
            return queue.claim(dataSource, Instant.now(), settings.lease(), identity.holder(), limit, condition, parameters, "",
                    (granted, row) -> new OutboxClaim(granted.id(), granted.attempt()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not settings.lease() from the GitHub outbox", e);
        }
    }

    private void rescheduleWhileHeld(LeasedQueue queue, OutboxClaim claim, Instant next, String error) {
        try {
            queue.rescheduleWhileHeld(dataSource, new LeasedQueue.Lease(claim.id(), claim.attempt()), next,
                    "last_error = ?", error);
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the GitHub outbox", e);
        }
    }

    /**
     * Makes the actions and replies a dead earlier run of this replica had leased due at once; a retry after
     * an unknown outcome looks on GitHub before it comments again.
     */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        Instant now = Instant.now();
        int taken = ACTIONS.takeBack(dataSource, now, earlier.holderPrefix(), earlier.currentHolder())
                + REPLIES.takeBack(dataSource, now, earlier.holderPrefix(), earlier.currentHolder());
        LOG.info(() -> "Took back " + taken + " GitHub actions and replies leased by an earlier run of this replica");
        if (taken > 0) {
            signal.wake();
        }
    }

    private void whileHeld(LeasedQueue queue, OutboxClaim claim, String assignments, Object... values) {
        try {
            queue.whileHeld(dataSource, new LeasedQueue.Lease(claim.id(), claim.attempt()), assignments, values);
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the GitHub outbox", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement insert, long id) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Inserts a row keyed by the next id of {@code ids}; in a JTA transaction it takes part in it. */
    private long insert(PooledSequence ids, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection()) {
            long id = ids.next(connection);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                binder.bind(insert, id);
                insert.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue work in the GitHub outbox", e);
        }
    }

    private <T> T readOne(String sql, long id, String what, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no " + what + " " + id);
                }
                return reader.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + what + " " + id, e);
        }
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }
}
