package io.meritocrab.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.platform.MigratedH2;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery workers' shares of the inbox, leased from the migrated `delivery` table (H2, PostgreSQL mode). */
class WorkerShareTest {

    private static final int WORKERS = 3;

    private JdbcDataSource database;

    @BeforeEach
    void migratedDatabase() {
        database = MigratedH2.named("shares");
    }

    @Test
    void everyDeliveryFallsInExactlyOneShareWhateverIdsItCarries() throws SQLException {
        Long[] ids = {null, 0L, 1L, 2L, 41L, 1_296_269L, Long.MAX_VALUE, Long.MIN_VALUE, -7L};
        for (Long repository : ids) {
            for (Long sender : ids) {
                insert(repository, sender);
            }
        }

        List<Set<Long>> shares = leaseEveryShare();

        Set<Long> all = new HashSet<>();
        shares.forEach(all::addAll);
        assertThat(all).as("the shares together hold every delivery").hasSize(ids.length * ids.length);
        assertThat(shares.stream().mapToInt(Set::size).sum()).as("and none twice").isEqualTo(all.size());
    }

    @Test
    void oneContributorsDeliveriesFallToOneWorker() throws SQLException {
        for (int i = 0; i < 10; i++) {
            insert(1_296_269L, 583_231L);
        }

        assertThat(leaseEveryShare()).filteredOn(share -> !share.isEmpty()).hasSize(1)
                .first().satisfies(share -> assertThat(share).hasSize(10));
    }

    @Test
    void oneLoginFloodingSixRepositoriesKeepsEveryWorkerBusy() throws SQLException {
        for (long repository = 1_000_001; repository <= 1_000_006; repository++) {
            for (int i = 0; i < 5; i++) {
                insert(repository, 583_231L);
            }
        }

        assertThat(leaseEveryShare()).allSatisfy(share -> assertThat(share).hasSize(10));
    }

    @Test
    void aShareIsOneOfTheWorkers() {
        assertThatThrownBy(() -> new WorkerShare(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerShare(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerShare(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Each worker leases all of its share, and only its share: what each leased, by row id. */
    private List<Set<Long>> leaseEveryShare() throws SQLException {
        List<Set<Long>> leased = new ArrayList<>();
        Map<Long, Integer> owner = new HashMap<>();
        for (int index = 0; index < WORKERS; index++) {
            WorkerShare share = new WorkerShare(index, WORKERS);
            List<Long> ids = Deliveries.QUEUE.claim(database, Instant.now(), Duration.ofMinutes(5), "test", 10_000,
                    WorkerShare.CONDITION, share.parameters(), "", (granted, row) -> granted.id());
            for (Long id : ids) {
                assertThat(owner.put(id, index)).as("delivery %s leased by one share only", id).isNull();
            }
            leased.add(new HashSet<>(ids));
        }
        return leased;
    }

    private void insert(Long repository, Long sender) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery (delivery_id, event, "
                     + "repository_id, sender_id, payload_size, received_at, status, attempts, next_attempt_at) "
                     + "VALUES (?, 'pull_request', ?, ?, 0, ?, 'PENDING', 0, ?)")) {
            Timestamp past = Timestamp.from(Instant.now().minusSeconds(1));
            insert.setString(1, UUID.randomUUID().toString());
            insert.setObject(2, repository, Types.BIGINT);
            insert.setObject(3, sender, Types.BIGINT);
            insert.setTimestamp(4, past);
            insert.setTimestamp(5, past);
            insert.executeUpdate();
        }
    }
}
