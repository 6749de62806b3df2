package io.meritocrab.platform;

import java.time.Duration;

/**
 * How long a queue waits before retrying a failed attempt: doubling from the base after each failed
 * attempt, never more than the cap. Shared by the delivery inbox and the GitHub outbox.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("the retry base must be positive");
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the retry cap must not be below the base");
        }
    }

    /** The wait after the given failed attempt (1 = the first). */
    public Duration after(int failedAttempt) {
        int doublings = failedAttempt <= 1 ? 0 : Math.min(failedAttempt - 1, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
