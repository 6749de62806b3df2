package io.meritocrab.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress cut = new ClientAddress(Set.of("10.0.0.1", "10.0.0.2"));

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer() {
        assertThat(cut.of("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(cut.of("10.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void theNearestUntrustedHopIsTheClientNotWhatTheClientClaims() {
        assertThat(cut.of("10.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.2")).isEqualTo("198.51.100.1");
    }

    @Test
    void withoutTheHeaderThePeerIsTheClient() {
        assertThat(cut.of("10.0.0.1", null)).isEqualTo("10.0.0.1");
    }
}
