package io.meritocrab.evaluation.llm;

import java.time.Duration;
import java.util.Optional;

/** The provider answered 429: the request is tried again after the `Retry-After` it gave, if any. */
public class ModelRateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public ModelRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
