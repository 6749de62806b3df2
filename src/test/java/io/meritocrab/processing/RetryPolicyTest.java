package io.meritocrab.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private final RetryPolicy cut = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 6);

    @Test
    void delaysDoubleFromTheBase() {
        assertThat(cut.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(cut.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(cut.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(cut.delayAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(cut.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
    }

    @Test
    void delaysStopAtTheCap() {
        assertThat(cut.delayAfter(6)).isEqualTo(Duration.ofMinutes(5)); // 320s would exceed 300s
        assertThat(cut.delayAfter(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(cut.delayAfter(20)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aDelayEqualToTheCapIsKept() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(40), 5);

        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void delaysNeverDecreaseAndNeverExceedTheCap() {
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 100; attempt++) {
            Duration delay = cut.delayAfter(attempt);
            assertThat(delay).as("attempt %d", attempt).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(cut.backoff().cap());
            previous = delay;
        }
    }

    @Test
    void aCapEqualToTheBaseGivesAConstantDelay() {
        RetryPolicy constant = new RetryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(30), 3);

        assertThat(constant.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(constant.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -1_000})
    void attemptsBelowOneWaitTheBase(int attempt) {
        assertThat(cut.delayAfter(attempt)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theSmallestAttemptNumberWaitsTheBase() {
        assertThat(cut.delayAfter(Integer.MIN_VALUE)).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 32, 33, 63, 64, 65, 1_000, Integer.MAX_VALUE})
    void veryLargeAttemptNumbersGiveTheCapWithoutOverflow(int attempt) {
        assertThat(cut.delayAfter(attempt)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void veryLargeAttemptNumbersWithAHugeCapStayPositiveAndGrowing() {
        RetryPolicy uncapped = new RetryPolicy(Duration.ofSeconds(10), Duration.ofDays(365L * 1_000_000), 3);

        Duration atThirty = uncapped.delayAfter(30);
        Duration atMax = uncapped.delayAfter(Integer.MAX_VALUE);

        assertThat(atThirty).isEqualTo(Duration.ofSeconds(10L << 29));
        assertThat(atMax).isPositive().isGreaterThanOrEqualTo(atThirty).isLessThanOrEqualTo(uncapped.backoff().cap());
    }

    @Test
    void exhaustedAtMaxAttempts() {
        assertThat(cut.exhaustedAfter(1)).isFalse();
        assertThat(cut.exhaustedAfter(5)).isFalse();
        assertThat(cut.exhaustedAfter(6)).isTrue();
        assertThat(cut.exhaustedAfter(7)).isTrue();
        assertThat(cut.exhaustedAfter(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void aSingleAttemptIsExhaustedAtOnce() {
        RetryPolicy once = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1);

        assertThat(once.exhaustedAfter(0)).isFalse();
        assertThat(once.exhaustedAfter(1)).isTrue();
    }

    @Test
    void rejectsAZeroOrNegativeBase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(1), 3))
                .withMessageContaining("base");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(Duration.ofSeconds(-1), Duration.ofMinutes(1), 3))
                .withMessageContaining("base");
    }

    @Test
    void rejectsACapBelowTheBase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(9), 3))
                .withMessageContaining("cap");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsFewerThanOneAttempt(int maxAttempts) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), maxAttempts))
                .withMessageContaining("attempt");
    }

    @Test
    void acceptsTheSmallestValidArguments() {
        assertThatNoException().isThrownBy(() -> new RetryPolicy(Duration.ofNanos(1), Duration.ofNanos(1), 1));
    }
}
