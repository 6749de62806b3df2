package io.meritocrab.history;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.platform.Database;
import io.meritocrab.platform.EarlierRunLeases;
import io.meritocrab.platform.LeasedQueue;
import io.meritocrab.platform.Texts;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The one owner of the `history_request` table: the durable queue of contributors whose track record is
 * wanted. A request is written in the transaction of the delivery that first saw the contributor in a
 * repository with `[history]` enabled, so none is lost and no GitHub call is made while that transaction
 * holds row locks; {@link HistoryLookups} on the other side leases it through {@link LeasedQueue} and
 * deletes it with the ledger entry it wrote.
 */
@ApplicationScoped
public class HistoryRequests {

    private static final LeasedQueue QUEUE = new LeasedQueue("history_request", "contributor_id", "due_at", "TRUE");
    private static final Logger LOG = Logger.getLogger(HistoryRequests.class.getName());

    @Inject
    Database dataSource;
    @Inject
    RepositoryConfigs configs;

    /**
     * Asks for the record of a contributor seen for the first time, in the caller's transaction, when their
     * repository opted in; at most one request per contributor.
     */
    public void firstContribution(Contributor contributor) {
        if (!contributor.firstSeen() || !configs.history(contributor.repositoryId()).enabled()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO history_request (contributor_id, "
                     + "attempts, due_at, created_at) VALUES (?, 0, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, contributor.id());
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask for the track record of contributor " + contributor.id(), e);
        }
    }

    List<HistoryRequest> claim(int limit, Duration lease, String holder) {
        try {
            return QUEUE.claim(dataSource, Instant.now(), lease, holder, limit, "TRUE", List.of(), "",
                    (granted, row) -> new HistoryRequest(granted));
        } catch (SQLException e) {
            throw new IllegalStateException("could not lease track record lookups", e);
        }
    }

    /** Puts a leased request back for a later attempt, with what went wrong. */
    void postpone(HistoryRequest request, Duration after, String problem) {
        try {
            QUEUE.rescheduleWhileHeld(dataSource, request.lease(), Instant.now().plus(after), "last_problem = ?",
                    Texts.cut(problem, 1000));
        } catch (SQLException e) {
            throw new IllegalStateException("could not postpone the track record of contributor "
                    + request.contributorId(), e);
        }
    }

    /** Deletes a request whose work is done, in the caller's transaction; false when the lease was lost. */
    boolean remove(HistoryRequest request) {
        try {
            return QUEUE.removeWhileHeld(dataSource, request.lease());
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the track record request of contributor "
                    + request.contributorId(), e);
        }
    }

    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        int taken = QUEUE.takeBack(dataSource, Instant.now(), earlier.holderPrefix(), earlier.currentHolder());
        if (taken > 0) {
            LOG.info(() -> "Took back " + taken + " track record lookups leased by an earlier run of this replica");
        }
    }
}
