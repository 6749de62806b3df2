package io.meritocrab.outbox;

import io.meritocrab.github.GitHubException;
import io.meritocrab.platform.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * When to try a GitHub action again: the queues' shared {@link Backoff}, and never sooner than GitHub
 * asked. Actions are retried until done; only GitHub's refusals end them.
 */
@ApplicationScoped
public class OutboxBackoff {
    @Inject
    OutboxSettings settings;



    public Instant next(int attempt, GitHubException failure, Instant now) {
        Duration backoff = new Backoff(settings.retryBase(), settings.retryCap()).after(attempt);
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        return now.plus(asked.compareTo(backoff) > 0 ? asked : backoff);
    }
}
