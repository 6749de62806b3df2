package io.meritocrab.assessment;

import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.llm.LlmSettings;
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
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The durable queue of contributions waiting for the model, and the one owner of its table
 * (`model_request`, plain JDBC). A request is written by {@link ContributionAssessor} in the transaction
 * that records the delivery, so none is lost; {@link ModelWorkers}, woken by {@link ModelRequestSignal}
 * after that commit, lease requests through the shared {@link LeasedQueue}, and a request whose server
 * died is taken up again when its lease runs out (see {@link LlmSettings#lease()}), or at once when that
 * server is restarted. A request is deleted once {@link ModelVerdicts} has recorded its verdict.
 */
@ApplicationScoped
public class ModelRequests {

    private static final LeasedQueue QUEUE = new LeasedQueue("model_request", "evaluation_id", "due_at", "TRUE");
    private static final String INSERT = "INSERT INTO model_request (evaluation_id, repository_id, contributor_id, "
            + "entry_kind, contribution_kind, repository_name, author_login, author_association, title, body, additions, "
            + "deletions, changed_files, same_text_elsewhere, subject_number, attempts, due_at, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
    private static final String READ = "SELECT m.repository_id, m.contributor_id, m.entry_kind, m.contribution_kind, "
            + "m.repository_name, m.author_login, m.author_association, m.title, m.body, m.additions, m.deletions, "
            + "m.changed_files, m.same_text_elsewhere, m.subject_number FROM model_request m WHERE m.evaluation_id = ?";
    private static final Logger LOG = Logger.getLogger(ModelRequests.class.getName());

    @Inject
    Database dataSource;
    @Inject
    Event<ModelRequestSignal.Queued> queued;
    @Inject
    RepositoryDirectory repositories;
    @Inject
    ReplicaIdentity identity;

    /** Queues a contribution for the model, in the caller's transaction. */
    public void enqueue(long evaluationId, long repositoryId, long contributorId, String entryKind,
                        Contribution contribution, Integer subjectNumber) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, evaluationId);
            insert.setLong(2, repositoryId);
            insert.setLong(3, contributorId);
            insert.setString(4, entryKind);
            insert.setString(5, contribution.kind().name());
            insert.setString(6, contribution.repository());
            insert.setString(7, contribution.authorLogin());
            insert.setString(8, contribution.authorAssociation());
            insert.setString(9, Texts.cut(contribution.title(), 2000));
            insert.setString(10, Texts.cut(contribution.body(), 300_000));
            insert.setInt(11, contribution.additions());
            insert.setInt(12, contribution.deletions());
            insert.setInt(13, contribution.changedFiles());
            insert.setInt(14, contribution.sameTextElsewhere());
            if (subjectNumber == null) {
                insert.setNull(15, Types.INTEGER);
            } else {
                insert.setInt(15, subjectNumber);
            }
            insert.setTimestamp(16, now);
            insert.setTimestamp(17, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue evaluation " + evaluationId + " for the model", e);
        }
        queued.fire(new ModelRequestSignal.Queued());
    }

    /** Leases the next due request to this server for {@code lease}, committed before the model is called. */
    public Optional<ModelRequest> leaseNext(Duration lease) throws SQLException {
        List<Lease> leased = QUEUE.claim(dataSource, Instant.now(), lease, identity.holder(), 1, "TRUE", List.of(), "",
                (granted, row) -> granted);
        if (leased.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(leased.get(0)));
    }

    /** Puts a leased request back, due after {@code after}; a wait that is no attempt gives the attempt back. */
    public void postpone(ModelRequest request, Duration after, boolean countsAsAttempt, String problem)
            throws SQLException {
        QUEUE.rescheduleWhileHeld(dataSource, lease(request), Instant.now().plus(after), "attempts = ?, last_problem = ?",
                countsAsAttempt ? request.attempt() : request.attempt() - 1, Texts.cut(problem, 1000));
    }

    /** Makes the requests a dead earlier run of this replica had leased due at once. */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        int taken = QUEUE.takeBack(dataSource, Instant.now(), earlier.holderPrefix(), earlier.currentHolder());
        LOG.info(() -> "Took back " + taken + " model requests leased by an earlier run of this replica");
        if (taken > 0) {
            queued.fire(new ModelRequestSignal.Queued());
        }
    }

    /** Removes a request that has its verdict, in the caller's transaction; false when the lease was lost. */
    public boolean remove(ModelRequest request) throws SQLException {
        return QUEUE.removeWhileHeld(dataSource, lease(request));
    }

    private static Lease lease(ModelRequest request) {
        return new Lease(request.evaluationId(), request.attempt());
    }

    private ModelRequest read(Lease lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, lease.id());
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("model request " + lease.id() + " vanished while leased");
                }
                Contribution contribution = new Contribution(ContributionKind.valueOf(row.getString(4)),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getInt(10), row.getInt(11), row.getInt(12), row.getInt(13));
                int subject = row.getInt(14);
                Integer subjectNumber = row.wasNull() ? null : subject;
                long repositoryId = row.getLong(1);
                Long installationId = repositories.find(repositoryId).map(TrackedRepository::installationId)
                        .orElse(null);
                return new ModelRequest(lease.id(), repositoryId, row.getLong(2), row.getString(3), contribution,
                        subjectNumber, installationId, lease.attempt());
            }
        }
    }
}
