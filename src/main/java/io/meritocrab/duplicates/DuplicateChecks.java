package io.meritocrab.duplicates;

import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.platform.Database;
import io.meritocrab.platform.EarlierRunLeases;
import io.meritocrab.platform.LeasedQueue;
import io.meritocrab.platform.LeasedQueue.Lease;
import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.Texts;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The durable queue of pull requests whose evaluation waits for the duplicate check, and the one owner of
 * its table (`duplicate_check`, plain JDBC). A check is written in the transaction that records the
 * delivery (events.PullRequestEvents), so none is lost and GitHub is never called in it;
 * {@link DuplicateWorkers}, woken by {@link DuplicateCheckSignal} after that commit, lease checks through
 * the shared {@link LeasedQueue}, and {@link DuplicateVerdicts} deletes a check in the transaction that
 * records its evaluation.
 */
@ApplicationScoped
public class DuplicateChecks {

    private static final LeasedQueue QUEUE = new LeasedQueue("duplicate_check", "id", "due_at", "TRUE");
    private static final String INSERT = "INSERT INTO duplicate_check (repository_id, contributor_id, subject_number, "
            + "subject_url, delivery_id, content_hash, repository_name, author_login, author_association, title, body, "
            + "additions, deletions, changed_files, same_text_elsewhere, attempts, due_at, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
    private static final String READ = "SELECT repository_id, contributor_id, subject_number, subject_url, delivery_id, "
            + "content_hash, repository_name, author_login, author_association, title, body, additions, deletions, "
            + "changed_files, same_text_elsewhere FROM duplicate_check WHERE id = ?";
    private static final Logger LOG = Logger.getLogger(DuplicateChecks.class.getName());

    @Inject
    Database dataSource;
    @Inject
    Event<DuplicateCheckSignal.Queued> queued;
    @Inject
    RepositoryDirectory repositories;
    @Inject
    ReplicaIdentity identity;

    /** Queues a pull request for the duplicate check, in the caller's transaction. */
    public void enqueue(EvaluatedContribution subject) {
        Contribution contribution = subject.contribution();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, subject.repositoryId());
            insert.setLong(2, subject.contributorId());
            insert.setInt(3, subject.subjectNumber());
            insert.setString(4, Texts.cut(subject.subjectUrl(), 1000));
            insert.setString(5, subject.deliveryId());
            insert.setString(6, subject.contentHash());
            insert.setString(7, contribution.repository());
            insert.setString(8, contribution.authorLogin());
            insert.setString(9, contribution.authorAssociation());
            insert.setString(10, Texts.storable(contribution.title(), 2000));
            insert.setString(11, Texts.storable(contribution.body(), 300_000));
            insert.setInt(12, contribution.additions());
            insert.setInt(13, contribution.deletions());
            insert.setInt(14, contribution.changedFiles());
            insert.setInt(15, contribution.sameTextElsewhere());
            insert.setTimestamp(16, now);
            insert.setTimestamp(17, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue pull request #" + subject.subjectNumber()
                    + " for the duplicate check", e);
        }
        queued.fire(new DuplicateCheckSignal.Queued());
    }

    /** Whether a check of this pull request is queued (its evaluation is still to come). */
    public boolean queued(long repositoryId, int number) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT COUNT(*) FROM duplicate_check "
                     + "WHERE repository_id = ? AND subject_number = ?")) {
            find.setLong(1, repositoryId);
            find.setInt(2, number);
            try (ResultSet row = find.executeQuery()) {
                return row.next() && row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for a duplicate check of #" + number, e);
        }
    }

    /** A queued PR was closed ({@code at}) or reopened (null) before its check; nothing when none is queued. */
    public void closed(long repositoryId, int number, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE duplicate_check SET closed_at = ? "
                     + "WHERE repository_id = ? AND subject_number = ?")) {
            update.setTimestamp(1, at == null ? null : Timestamp.from(at));
            update.setLong(2, repositoryId);
            update.setInt(3, number);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not note the state of pull request #" + number, e);
        }
    }

    /** Leases the next due check to this server for {@code lease}, committed before GitHub is called. */
    public Optional<DuplicateCheck> leaseNext(Duration lease) throws SQLException {
        List<Lease> leased = QUEUE.claim(dataSource, Instant.now(), lease, identity.holder(), 1, "TRUE", List.of(), "",
                (granted, row) -> granted);
        if (leased.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(leased.get(0)));
    }

    /** Puts a leased check back, due after {@code after}, with what went wrong. */
    public void postpone(DuplicateCheck check, Duration after, String problem) throws SQLException {
        QUEUE.rescheduleWhileHeld(dataSource, lease(check), Instant.now().plus(after), "last_problem = ?",
                Texts.cut(problem, 1000));
    }

    /**
     * When the PR was closed while its check waited (null while open), with the check locked until the
     * caller's transaction ends, so a close that comes meanwhile waits and then finds the fingerprint row.
     */
    public Instant lockClosedAt(DuplicateCheck check) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT closed_at FROM duplicate_check "
                     + "WHERE id = ? FOR UPDATE")) {
            find.setLong(1, check.id());
            try (ResultSet row = find.executeQuery()) {
                Timestamp closedAt = row.next() ? row.getTimestamp(1) : null;
                return closedAt == null ? null : closedAt.toInstant();
            }
        }
    }

    /** Removes a check whose evaluation is recorded, in the caller's transaction; false when the lease was lost. */
    public boolean remove(DuplicateCheck check) throws SQLException {
        return QUEUE.removeWhileHeld(dataSource, lease(check));
    }

    /** Makes the checks a dead earlier run of this replica had leased due at once. */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        int taken = QUEUE.takeBack(dataSource, Instant.now(), earlier.holderPrefix(), earlier.currentHolder());
        LOG.info(() -> "Took back " + taken + " duplicate checks leased by an earlier run of this replica");
        if (taken > 0) {
            queued.fire(new DuplicateCheckSignal.Queued());
        }
    }

    private static Lease lease(DuplicateCheck check) {
        return new Lease(check.id(), check.attempt());
    }

    private DuplicateCheck read(Lease lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, lease.id());
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("duplicate check " + lease.id() + " vanished while leased");
                }
                Contribution contribution = new Contribution(ContributionKind.PULL_REQUEST, row.getString(7),
                        row.getString(8), row.getString(9), row.getString(10), row.getString(11), row.getInt(12),
                        row.getInt(13), row.getInt(14), row.getInt(15));
                long repositoryId = row.getLong(1);
                EvaluatedContribution subject = new EvaluatedContribution(contribution, repositoryId, row.getLong(2),
                        row.getString(5), row.getInt(3), row.getString(4), row.getString(6));
                Long installationId = repositories.find(repositoryId).map(TrackedRepository::installationId)
                        .orElse(null);
                return new DuplicateCheck(lease.id(), subject, installationId, lease.attempt());
            }
        }
    }
}
