package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaIdentityTest {

    @Test
    void aReplicaIdNeverContainsTheHolderSeparatorSoNoIdIsAPrefixOfAnothersHolders() {
        assertThat(ReplicaIdentity.sanitize("pod/a")).isEqualTo("pod_a");
        assertThat(ReplicaIdentity.sanitize(" web-1.example.org:9080 ")).isEqualTo("web-1.example.org:9080");
        assertThat(ReplicaIdentity.sanitize("a b%c")).isEqualTo("a_b_c");
    }

    @Test
    void aLongReplicaIdIsCutSoThatTheHolderFitsItsColumn() {
        String id = ReplicaIdentity.sanitize("x".repeat(500));
        assertThat(id).hasSize(160);
        assertThat((id + "/" + java.util.UUID.randomUUID()).length()).isLessThanOrEqualTo(200);
    }
}
