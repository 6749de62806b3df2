package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplicaIdentityTest {

    @Test
    void aReplicaIdNeverContainsTheHolderSeparatorSoNoIdsHoldersStartWithAnothersId() {
        assertThat(ReplicaIdentity.sanitize("pod/a")).isEqualTo("pod_a");
        assertThat(ReplicaIdentity.sanitize(" web-1.example.org:9080 ")).isEqualTo("web-1.example.org:9080");
        assertThat(ReplicaIdentity.sanitize("a b%c")).isEqualTo("a_b_c");
    }

    @Test
    void aLongReplicaIdIsCutSoThatTheHolderFitsItsColumn() {
        String id = ReplicaIdentity.sanitize("x".repeat(500));
        assertThat(id).hasSize(ReplicaIdentity.MAX_ID_LENGTH);
        assertThat((id + "/" + UUID.randomUUID()).length()).isLessThanOrEqualTo(200);
    }
}
