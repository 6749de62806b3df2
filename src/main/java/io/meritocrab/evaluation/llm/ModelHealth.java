package io.meritocrab.evaluation.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * When this server's model last answered with a verdict and last failed (with the reason), for the
 * status answer: a provider configured but silent for long shows there before the review queue fills.
 * Kept in memory per server; a restart starts with nothing known.
 */
@ApplicationScoped
public class ModelHealth {

    private final Clock clock = Clock.systemUTC();
    private volatile Instant lastAnswer;
    private volatile Instant lastFailure;
    private volatile String lastFailureReason;

    void answered() {
        lastAnswer = clock.instant();
    }

    void failed(String reason) {
        lastFailureReason = reason;
        lastFailure = clock.instant();
    }

    public Optional<Instant> lastAnswer() {
        return Optional.ofNullable(lastAnswer);
    }

    public Optional<Instant> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public Optional<String> lastFailureReason() {
        return Optional.ofNullable(lastFailureReason);
    }
}
