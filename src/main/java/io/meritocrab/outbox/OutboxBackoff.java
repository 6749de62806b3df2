package io.meritocrab.outbox;

import io.meritocrab.github.GitHubException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When to try a GitHub action again: exponential from the base, capped, and never sooner than GitHub
 * asked. Actions are retried until done; only GitHub's refusals end them.
 */
@ApplicationScoped
public class OutboxBackoff {

    @Inject @ConfigProperty(name = "meritocrab.enforcement.retry-base", defaultValue = "PT5S")
    Duration base;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.retry-cap", defaultValue = "PT10M")
    Duration cap;

    public Instant next(int attempt, GitHubException failure, Instant now) {
        Duration backoff = base.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        if (backoff.compareTo(cap) > 0) {
            backoff = cap;
        }
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        return now.plus(asked.compareTo(backoff) > 0 ? asked : backoff);
    }
}
