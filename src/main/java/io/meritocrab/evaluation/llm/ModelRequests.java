package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.ReplicaIdentity.EarlierRunLeases;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The durable queue of contributions waiting for the model (`model_request`). A request is written in
 * the transaction that records the delivery, so none is lost; servers lease requests with
 * FOR UPDATE SKIP LOCKED, and a request whose server died is taken up again when its lease runs out
 * (see {@link LlmSettings#lease()}), or at once when that server is restarted (the lease names its
 * holder, see {@link ReplicaIdentity}).
 */
@ApplicationScoped
public class ModelRequests {

    private static final String NEXT = "SELECT evaluation_id, attempts FROM model_request WHERE due_at <= ? "
            + "ORDER BY due_at, evaluation_id LIMIT 1 FOR UPDATE SKIP LOCKED";
    private static final String LEASE_ROW = "UPDATE model_request SET attempts = ?, due_at = ?, lease_holder = ? "
            + "WHERE evaluation_id = ?";
    private static final String TAKE_BACK = "UPDATE model_request SET due_at = ?, lease_holder = NULL "
            + "WHERE due_at > ? AND lease_holder <> ? AND LEFT(lease_holder, ?) = ?";
    private static final Logger LOG = Logger.getLogger(ModelRequests.class.getName());
    private static final String READ = "SELECT m.repository_id, m.contributor_id, m.entry_kind, m.contribution_kind, "
            + "m.repository_name, m.author_login, m.author_association, m.title, m.body, m.additions, m.deletions, "
            + "m.changed_files, m.same_text_elsewhere, m.subject_number, r.installation_id "
            + "FROM model_request m JOIN repository r ON r.id = m.repository_id WHERE m.evaluation_id = ?";

    @PersistenceContext
    EntityManager em;
    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Inject
    Event<ModelRequestSignal.Queued> queued;
    @Inject
    ReplicaIdentity identity;

    /** Queues a contribution for the model, in the caller's transaction. */
    public void enqueue(long evaluationId, long repositoryId, long contributorId, String entryKind,
                        Contribution contribution, Integer subjectNumber) {
        Timestamp now = Timestamp.from(Instant.now());
        em.createNativeQuery("INSERT INTO model_request (evaluation_id, repository_id, contributor_id, entry_kind, "
                        + "contribution_kind, repository_name, author_login, author_association, title, body, additions, "
                        + "deletions, changed_files, same_text_elsewhere, subject_number, attempts, due_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .setParameter(1, evaluationId)
                .setParameter(2, repositoryId)
                .setParameter(3, contributorId)
                .setParameter(4, entryKind)
                .setParameter(5, contribution.kind().name())
                .setParameter(6, contribution.repository())
                .setParameter(7, contribution.authorLogin())
                .setParameter(8, contribution.authorAssociation())
                .setParameter(9, truncate(contribution.title(), 2000))
                .setParameter(10, truncate(contribution.body(), 300_000))
                .setParameter(11, contribution.additions())
                .setParameter(12, contribution.deletions())
                .setParameter(13, contribution.changedFiles())
                .setParameter(14, contribution.sameTextElsewhere())
                .setParameter(15, subjectNumber)
                .setParameter(16, now)
                .setParameter(17, now)
                .executeUpdate();
        queued.fire(new ModelRequestSignal.Queued());
    }

    /** Leases the next due request to this server for {@code lease}, committed before the model is called. */
    public Optional<ModelRequest> leaseNext(Duration lease) throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long evaluationId;
                int attempt;
                try (PreparedStatement next = connection.prepareStatement(NEXT)) {
                    next.setTimestamp(1, Timestamp.from(now));
                    try (ResultSet row = next.executeQuery()) {
                        if (!row.next()) {
                            connection.commit();
                            return Optional.empty();
                        }
                        evaluationId = row.getLong(1);
                        attempt = row.getInt(2) + 1;
                    }
                }
                try (PreparedStatement leaseRow = connection.prepareStatement(LEASE_ROW)) {
                    leaseRow.setInt(1, attempt);
                    leaseRow.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    leaseRow.setString(3, identity.holder());
                    leaseRow.setLong(4, evaluationId);
                    leaseRow.executeUpdate();
                }
                ModelRequest request = read(connection, evaluationId, attempt);
                connection.commit();
                return Optional.of(request);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Puts a leased request back, due after {@code after}; a wait that is no attempt gives the attempt back. */
    public void postpone(ModelRequest request, Duration after, boolean countsAsAttempt, String problem)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement postpone = connection.prepareStatement("UPDATE model_request SET due_at = ?, "
                     + "attempts = ?, last_problem = ?, lease_holder = NULL WHERE evaluation_id = ? AND attempts = ?")) {
            postpone.setTimestamp(1, Timestamp.from(Instant.now().plus(after)));
            postpone.setInt(2, countsAsAttempt ? request.attempt() : request.attempt() - 1);
            postpone.setString(3, truncate(problem, 1000));
            postpone.setLong(4, request.evaluationId());
            postpone.setInt(5, request.attempt());
            postpone.executeUpdate();
        }
    }

    /** Makes the requests an earlier run of this replica had leased due at once: that run is dead. */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement takeBack = connection.prepareStatement(TAKE_BACK)) {
            Timestamp now = Timestamp.from(Instant.now());
            takeBack.setTimestamp(1, now);
            takeBack.setTimestamp(2, now);
            takeBack.setString(3, earlier.currentHolder());
            takeBack.setInt(4, earlier.holderPrefix().length());
            takeBack.setString(5, earlier.holderPrefix());
            int taken = takeBack.executeUpdate();
            if (taken > 0) {
                queued.fire(new ModelRequestSignal.Queued());
            }
            LOG.info(() -> "Took back " + taken + " model requests leased by an earlier run of this replica");
        }
    }

    /** Removes a request that has its verdict, in the caller's transaction; false when the lease was lost. */
    public boolean remove(ModelRequest request) {
        return em.createNativeQuery("DELETE FROM model_request WHERE evaluation_id = ? AND attempts = ?")
                .setParameter(1, request.evaluationId())
                .setParameter(2, request.attempt())
                .executeUpdate() == 1;
    }

    private static ModelRequest read(Connection connection, long evaluationId, int attempt) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, evaluationId);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("model request " + evaluationId + " vanished while leased");
                }
                Contribution contribution = new Contribution(ContributionKind.valueOf(row.getString(4)),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getInt(10), row.getInt(11), row.getInt(12), row.getInt(13));
                int subject = row.getInt(14);
                Integer subjectNumber = row.wasNull() ? null : subject;
                long installation = row.getLong(15);
                Long installationId = row.wasNull() ? null : installation;
                return new ModelRequest(evaluationId, row.getLong(1), row.getLong(2), row.getString(3), contribution,
                        subjectNumber, installationId, attempt);
            }
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
