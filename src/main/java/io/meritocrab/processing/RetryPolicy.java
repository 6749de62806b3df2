package io.meritocrab.processing;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt (doubling from a base, up to a cap) and
 * after how many attempts it is parked as failed.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the retry base must be positive");
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the retry cap must not be below the base");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }

    /** The wait after the given failed attempt (1 = the first). */
    public Duration delayAfter(int failedAttempt) {
        int doublings = failedAttempt <= 1 ? 0 : Math.min(failedAttempt - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    public boolean exhaustedAfter(int attempt) {
        return attempt >= maxAttempts;
    }
}
