package io.meritocrab.redelivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.github.HookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MissedDeliveriesTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aDeliveryWhoseEveryAttemptFailedIsMissedAndItsLatestAttemptIsTheOneToRedeliver() {
        List<HookDelivery> log = List.of(attempt(1, "a", 0, 503), attempt(2, "a", 60, 0));
        assertThat(MissedDeliveries.in(log, Set.of())).extracting(HookDelivery::id).containsExactly(2L);
    }

    @Test
    void aDeliveryThatSucceededOnceIsNotMissed() {
        List<HookDelivery> log = List.of(attempt(1, "b", 0, 500), attempt(2, "b", 60, 202));
        assertThat(MissedDeliveries.in(log, Set.of())).isEmpty();
    }

    @Test
    void aDeliveryTheServerHasOrAlreadyAskedForIsNotMissed() {
        List<HookDelivery> log = List.of(attempt(1, "c", 0, 504), attempt(2, "d", 0, 0), attempt(3, "e", 0, 502));
        assertThat(MissedDeliveries.in(log, Set.of("c", "d"))).extracting(HookDelivery::guid).containsExactly("e");
    }

    @Test
    void missedDeliveriesComeOldestFirst() {
        List<HookDelivery> log = List.of(attempt(5, "late", 300, 500), attempt(4, "early", 10, 500));
        assertThat(MissedDeliveries.in(log, Set.of())).extracting(HookDelivery::guid).containsExactly("early", "late");
    }

    private static HookDelivery attempt(long id, String guid, long secondsAfter, int status) {
        return new HookDelivery(id, guid, T.plusSeconds(secondsAfter), false, status, "pull_request", "opened");
    }
}
