package io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aValueIsGivenUntilItExpires() {
        ExpiringCache<String, Integer> cut = new ExpiringCache<>(10);
        cut.put("a", 1, now.plusSeconds(60), now);

        assertThat(cut.get("a", now.plusSeconds(59))).contains(1);
        assertThat(cut.get("a", now.plusSeconds(60))).isEmpty();
        assertThat(cut.get("b", now)).isEmpty();
    }

    @Test
    void newKeysNeverGrowItBeyondItsBoundExpiredOnesGoFirst() {
        ExpiringCache<String, Integer> cut = new ExpiringCache<>(100);
        cut.put("old", 0, now.plusSeconds(1), now);
        cut.put("live", 0, now.plus(Duration.ofHours(1)), now);
        for (int i = 0; i < 98; i++) {
            cut.put("filler" + i, i, now.plus(Duration.ofHours(1)), now);
        }
        cut.put("new", 1, now.plus(Duration.ofHours(1)), now.plusSeconds(2));

        assertThat(cut.size()).isEqualTo(100);
        assertThat(cut.get("old", now)).as("expired, dropped first").isEmpty();
        assertThat(cut.get("new", now.plusSeconds(2))).contains(1);

        for (int i = 0; i < 100_000; i++) {
            cut.put("attacker" + i, i, now.plus(Duration.ofHours(1)), now);
        }
        assertThat(cut.size()).isLessThanOrEqualTo(100);
    }
}
