package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.inbox.WorkerShare;
import io.meritocrab.platform.LeasedQueue;
import io.meritocrab.platform.LeasedQueue.Lease;
import it.io.meritocrab.support.ItEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue idiom every durable queue shares, on real PostgreSQL: concurrent claimers never lease one row
 * twice, a leased row is not due again until its lease ends, only the lease holder writes an outcome, and
 * handed-back leases are due at once without counting an attempt, and a restarted replica takes back what
 * its dead earlier run held, and nothing else.
 */
class LeasedQueueIT {

    private static final LeasedQueue QUEUE = new LeasedQueue("leased_queue_probe", "id", "due_at", "status = 'PENDING'");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String EARLIER_RUN = "replica-a/run-1";
    private static final String THIS_RUN = "replica-a/run-2";

    private final DataSource database = ItEnvironment.database();

    @BeforeEach
    void freshTable() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS leased_queue_probe");
            statement.execute("CREATE TABLE leased_queue_probe (id BIGINT PRIMARY KEY, attempts INTEGER NOT NULL, "
                    + "due_at TIMESTAMP WITH TIME ZONE NOT NULL, status VARCHAR(16) NOT NULL, kind VARCHAR(16), "
                    + "lease_holder VARCHAR(200), repository_id BIGINT, sender_id BIGINT)");
        }
    }

    @Test
    void concurrentClaimersNeverLeaseTheSameRow() throws Exception {
        insert(200, Instant.now().minusSeconds(1));
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Lease>>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(claimers.submit(() -> {
                start.await();
                List<Lease> mine = new ArrayList<>();
                List<Lease> batch;
                do {
                    batch = claim(7, "TRUE", List.of());
                    mine.addAll(batch);
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        start.countDown();
        List<Lease> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<Lease>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }
        claimers.shutdown();

        Set<Long> ids = new HashSet<>();
        all.forEach(lease -> ids.add(lease.id()));
        assertThat(all).hasSize(200);
        assertThat(ids).hasSize(200);
        assertThat(all).allMatch(lease -> lease.attempt() == 1);
    }

    @Test
    void aLeasedRowIsNotDueAgainUntilItsLeaseEnds() throws SQLException {
        insert(1, Instant.now().minusSeconds(1));
        assertThat(claim(10, "TRUE", List.of())).hasSize(1);

        assertThat(claim(10, "TRUE", List.of())).isEmpty();
        List<Lease> afterTheLease = QUEUE.claim(database, Instant.now().plus(LEASE).plusSeconds(1), LEASE, THIS_RUN, 10, "TRUE",
                List.of(), "", (granted, row) -> granted);
        assertThat(afterTheLease).containsExactly(new Lease(1, 2));
    }

    @Test
    void onlyTheHolderOfTheCurrentLeaseWritesTheOutcome() throws SQLException {
        insert(1, Instant.now().minusSeconds(1));
        Lease first = claim(1, "TRUE", List.of()).get(0);
        Lease takenOver = QUEUE.claim(database, Instant.now().plus(LEASE).plusSeconds(1), LEASE, THIS_RUN, 1, "TRUE", List.of(),
                "", (granted, row) -> granted).get(0);

        assertThat(QUEUE.whileHeld(database, first, "status = ?", "DONE")).isFalse();
        assertThat(status(1)).isEqualTo("PENDING");
        assertThat(QUEUE.whileHeld(database, takenOver, "status = ?", "DONE")).isTrue();
        assertThat(status(1)).isEqualTo("DONE");
        assertThat(QUEUE.whileHeld(database, takenOver, "status = ?", "FAILED"))
                .as("a finished row is no longer held").isFalse();
    }

    @Test
    void aBatchOfOutcomesIsWrittenOnlyForTheLeasesStillHeld() throws SQLException {
        insert(3, Instant.now().minusSeconds(1));
        List<Lease> leased = claim(3, "TRUE", List.of());
        // The second row's lease runs out and another server takes it over before the batch is written.
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE leased_queue_probe SET due_at = due_at - INTERVAL '1' HOUR WHERE id = "
                    + leased.get(1).id());
        }
        Lease takenOver = claim(1, "TRUE", List.of()).get(0);
        assertThat(takenOver.id()).isEqualTo(leased.get(1).id());

        boolean[] held = QUEUE.whileHeld(database, leased, "status = ?, kind = ?",
                List.of(new Object[] {"DONE", "a"}, new Object[] {"DONE", "b"}, new Object[] {"DONE", "c"}));

        assertThat(held).containsExactly(true, false, true);
        assertThat(status(leased.get(0).id())).isEqualTo("DONE");
        assertThat(status(leased.get(1).id())).isEqualTo("PENDING");
        assertThat(status(leased.get(2).id())).isEqualTo("DONE");
        assertThat(kind(leased.get(2).id())).as("each row its own values").isEqualTo("c");
    }

    @Test
    void releasedLeasesAreDueAtOnceWithoutCountingAnAttempt() throws SQLException {
        insert(3, Instant.now().minusSeconds(1));
        List<Lease> leased = claim(3, "TRUE", List.of());
        QUEUE.release(database, leased.subList(1, 3));

        List<Lease> again = claim(10, "TRUE", List.of());
        assertThat(again).extracting(Lease::id).containsExactlyInAnyOrder(leased.get(1).id(), leased.get(2).id());
        assertThat(again).allMatch(lease -> lease.attempt() == 1);
    }

    @Test
    void theConditionAndItsParametersNarrowWhatIsDue() throws SQLException {
        insert(4, Instant.now().minusSeconds(1));
        try (Connection connection = database.getConnection();
             PreparedStatement kind = connection.prepareStatement("UPDATE leased_queue_probe SET kind = 'reply' WHERE id > 2")) {
            kind.executeUpdate();
        }
        List<Lease> replies = claim(10, "kind = ?", List.of("reply"));
        assertThat(replies).extracting(Lease::id).containsExactlyInAnyOrder(3L, 4L);
        assertThat(claim(10, "id = ?", List.of(1L))).extracting(Lease::id).containsExactly(1L);
    }

    @Test
    void theDeliveryWorkersSharesSplitTheQueueWithoutOverlapWhateverIdsARowCarries() throws SQLException {
        Long[] ids = {null, 0L, 1L, 700_101L, Long.MAX_VALUE, Long.MIN_VALUE, -7L};
        insert(ids.length * ids.length, Instant.now().minusSeconds(1));
        try (Connection connection = database.getConnection();
             PreparedStatement who = connection.prepareStatement(
                     "UPDATE leased_queue_probe SET repository_id = ?, sender_id = ? WHERE id = ?")) {
            for (int i = 0; i < ids.length * ids.length; i++) {
                who.setObject(1, ids[i / ids.length], Types.BIGINT);
                who.setObject(2, ids[i % ids.length], Types.BIGINT);
                who.setLong(3, i + 1);
                who.addBatch();
            }
            who.executeBatch();
        }

        List<Long> leased = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            WorkerShare share = new WorkerShare(index, 3);
            List<Lease> own = claim(100, WorkerShare.CONDITION, share.parameters());
            assertThat(own).as("share %d", index).isNotEmpty();
            own.forEach(lease -> leased.add(lease.id()));
        }
        assertThat(leased).as("every row in exactly one share").doesNotHaveDuplicates().hasSize(ids.length * ids.length);
    }

    @Test
    void rowsNotYetDueAreLeftAlone() throws SQLException {
        insert(2, Instant.now().plusSeconds(3600));
        assertThat(claim(10, "TRUE", List.of())).isEmpty();
    }

    @Test
    void aRowIsRemovedOnlyByTheHolderOfItsLease() throws SQLException {
        insert(1, Instant.now().minusSeconds(1));
        Lease lease = claim(1, "TRUE", List.of()).get(0);
        assertThat(QUEUE.removeWhileHeld(database, new Lease(lease.id(), lease.attempt() + 1))).isFalse();
        assertThat(QUEUE.removeWhileHeld(database, lease)).isTrue();
        assertThat(status(1)).isNull();
    }

    @Test
    void aRestartedReplicaTakesBackWhatItsEarlierRunHeldAndNothingElse() throws SQLException {
        insert(6, Instant.now().minusSeconds(1));
        Lease earlier = claimAs(EARLIER_RUN, "id = ?", 1L);
        Lease handedBack = claimAs(EARLIER_RUN, "id = ?", 2L);
        QUEUE.release(database, List.of(handedBack));
        Lease retrying = claimAs(EARLIER_RUN, "id = ?", 3L);
        QUEUE.rescheduleWhileHeld(database, retrying, Instant.now().plusSeconds(600), "kind = ?", "retry");
        claimAs(THIS_RUN, "id = ?", 4L);
        claimAs("replica-b/run-1", "id = ?", 5L);
        claimAs("replica-a-2/run-1", "id = ?", 6L);

        assertThat(QUEUE.takeBack(database, Instant.now(), "replica-a/", THIS_RUN)).isEqualTo(1);

        List<Lease> due = claim(10, "TRUE", List.of());
        assertThat(due).extracting(Lease::id).as("row 2 was handed back already").containsExactlyInAnyOrder(1L, 2L);
        assertThat(due).filteredOn(lease -> lease.id() == earlier.id()).extracting(Lease::attempt)
                .as("the dead run's attempt stays counted").containsExactly(2);
        assertThat(QUEUE.takeBack(database, Instant.now(), "replica-a/", "replica-a/run-3"))
                .as("a later run takes back this run's leases once it is dead").isEqualTo(3);
    }

    private Lease claimAs(String holder, String condition, Object parameter) throws SQLException {
        return QUEUE.claim(database, Instant.now(), LEASE, holder, 1, condition, List.of(parameter), "",
                (granted, row) -> granted).get(0);
    }

    private List<Lease> claim(int limit, String condition, List<Object> parameters) throws SQLException {
        return QUEUE.claim(database, Instant.now(), LEASE, THIS_RUN, limit, condition, parameters, "",
                (granted, row) -> granted);
    }

    private void insert(int rows, Instant due) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO leased_queue_probe (id, attempts, due_at, status) VALUES (?, 0, ?, 'PENDING')")) {
            for (int id = 1; id <= rows; id++) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(due));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String status(long id) throws SQLException {
        return column("status", id);
    }

    private String kind(long id) throws SQLException {
        return column("kind", id);
    }

    private String column(String column, long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT " + column + " FROM leased_queue_probe WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
