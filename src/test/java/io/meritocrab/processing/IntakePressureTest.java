package io.meritocrab.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IntakePressureTest {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final IntakePressure cut = new IntakePressure(accepted::get, nanos::get, 200);

    @Test
    void quietIntakeIsNotPressure() {
        advance(250, 40);

        assertThat(cut.high()).isFalse();
    }

    @Test
    void aBurstAboveTheThresholdIsPressure() {
        advance(250, 60);

        assertThat(cut.high()).isTrue();
    }

    @Test
    void theVerdictHoldsUntilTheNextWindowCompletes() {
        advance(250, 60);
        assertThat(cut.high()).isTrue();

        advance(100, 0);
        assertThat(cut.high()).isTrue();

        advance(150, 0);
        assertThat(cut.high()).isFalse();
    }

    @Test
    void pressureEndsWhenTheBurstEnds() {
        advance(250, 500);
        assertThat(cut.high()).isTrue();

        advance(300, 10);
        assertThat(cut.high()).isFalse();
    }

    private void advance(long millis, long deliveries) {
        nanos.addAndGet(millis * 1_000_000L);
        accepted.addAndGet(deliveries);
    }
}
