package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replica ids on the embedded default's database (H2, PostgreSQL mode), migrated as a server migrates it. */
class ReplicaIdentityTest {

    private JdbcDataSource database;

    @BeforeEach
    void migratedDatabase() {
        database = MigratedH2.named("replica");
    }

    @Test
    void aReplicaIdALiveServerRenewsIsNeverTakenAndADeadOnesIs() throws SQLException {
        ReplicaIdentity live = replica("web-1");
        ReplicaIdentity sameId = replica("web-1");
        ReplicaIdentity other = replica("web-2");

        assertThat(live.claimOrRenew()).isTrue();
        assertThat(sameId.claimOrRenew()).as("the id is held by a live server").isFalse();
        assertThat(other.claimOrRenew()).isTrue();
        assertThat(live.claimOrRenew()).as("renewed").isTrue();
        assertThat(sameId.claimOrRenew()).isFalse();

        lastRenewed("web-1", Instant.now().minusSeconds(ReplicaIdentity.STALE_SECONDS + 1));

        assertThat(sameId.claimOrRenew()).as("the server that renewed it stopped").isTrue();
        assertThat(live.claimOrRenew()).as("lost to the restarted run").isFalse();
    }

    @Test
    void aReplicaIdNeverContainsTheHolderSeparatorSoNoIdsHoldersStartWithAnothersId() {
        assertThat(ReplicaIdentity.sanitize("pod/a")).isEqualTo("pod_a");
        assertThat(ReplicaIdentity.sanitize(" web-1.example.org:9080 ")).isEqualTo("web-1.example.org:9080");
        assertThat(ReplicaIdentity.sanitize("a b%c")).isEqualTo("a_b_c");
        assertThat(replica("pod/a").holder()).startsWith("pod_a/").hasSize("pod_a/".length() + 36);
    }

    @Test
    void aLongReplicaIdIsCutSoThatTheHolderFitsItsColumn() {
        String id = ReplicaIdentity.sanitize("x".repeat(500));
        assertThat(id).hasSize(ReplicaIdentity.MAX_ID_LENGTH);
        assertThat((id + "/" + UUID.randomUUID()).length()).isLessThanOrEqualTo(200);
    }

    private ReplicaIdentity replica(String id) {
        ReplicaIdentity replica = new ReplicaIdentity();
        // No container here: every connection comes from the test's H2 database.
        replica.dataSource = new Database() {
            @Override
            public Connection getConnection() throws SQLException {
                return database.getConnection();
            }
        };
        replica.configuredId = Optional.of(id);
        return replica;
    }

    private void lastRenewed(String id, Instant at) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement stale = connection.prepareStatement("UPDATE replica SET heartbeat_at = ? WHERE id = ?")) {
            stale.setTimestamp(1, Timestamp.from(at));
            stale.setString(2, id);
            assertThat(stale.executeUpdate()).isEqualTo(1);
        }
    }
}
