package io.meritocrab.processing;

import io.meritocrab.platform.Backoff;
import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt (the queues' shared {@link Backoff}) and
 * after how many attempts it is parked as failed.
 */
public record RetryPolicy(Backoff backoff, int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }

    public RetryPolicy(Duration base, Duration cap, int maxAttempts) {
        this(new Backoff(base, cap), maxAttempts);
    }

    /** The wait after the given failed attempt (1 = the first). */
    public Duration delayAfter(int failedAttempt) {
        return backoff.after(failedAttempt);
    }

    public boolean exhaustedAfter(int attempt) {
        return attempt >= maxAttempts;
    }
}
