package io.meritocrab.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BucketsByKeyTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aKeyMayTakeItsLimitPerMinuteThenWaits() {
        BucketsByKey cut = new BucketsByKey(3, 100, now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(cut.take("a")).isZero();
        }
        Duration wait = cut.take("a");

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void keysHaveBucketsOfTheirOwn() {
        BucketsByKey cut = new BucketsByKey(1, 100, now::get);

        assertThat(cut.take("a")).isZero();
        assertThat(cut.take("a")).isPositive();
        assertThat(cut.take("b")).isZero();
    }

    @Test
    void tokensComeBackWithTime() {
        BucketsByKey cut = new BucketsByKey(60, 100, now::get);
        for (int i = 0; i < 60; i++) {
            cut.take("a");
        }
        assertThat(cut.take("a")).isPositive();

        now.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(cut.take("a")).isZero();
    }

    @Test
    void idleBucketsAreDroppedSoMemoryStaysBounded() {
        BucketsByKey cut = new BucketsByKey(10, 1000, now::get);
        for (int i = 0; i < 500; i++) {
            cut.take("address-" + i);
        }
        assertThat(cut.size()).isEqualTo(500);

        now.addAndGet(Duration.ofMinutes(3).toNanos());
        cut.take("late");

        assertThat(cut.size()).isEqualTo(1);
    }

    @Test
    void beyondTheMostKeysNewcomersShareOneBucket() {
        BucketsByKey cut = new BucketsByKey(2, 3, now::get);
        cut.take("a");
        cut.take("b");
        cut.take("c");

        assertThat(cut.take("d")).isZero();
        assertThat(cut.take("e")).isZero();
        assertThat(cut.take("f")).isPositive();
        assertThat(cut.size()).isEqualTo(4);
    }
}
