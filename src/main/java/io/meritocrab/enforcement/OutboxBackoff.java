package io.meritocrab.enforcement;

import io.meritocrab.github.GitHubException;
import java.time.Duration;
import java.time.Instant;

/**
 * When to try a GitHub action again: exponential from {@code base}, capped, and never sooner than
 * GitHub asked. Actions are retried until done; only GitHub's refusals end them.
 */
record OutboxBackoff(Duration base, Duration cap) {

    Instant next(int attempt, GitHubException failure, Instant now) {
        Duration backoff = base.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        if (backoff.compareTo(cap) > 0) {
            backoff = cap;
        }
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        return now.plus(asked.compareTo(backoff) > 0 ? asked : backoff);
    }
}
