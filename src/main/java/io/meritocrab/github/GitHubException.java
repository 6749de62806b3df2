package io.meritocrab.github;

import java.time.Duration;
import java.util.Optional;

/**
 * A GitHub call that did not succeed. {@code retryable} when trying again later may succeed; then
 * {@link #retryAfter()} says how long GitHub asked us to wait, if it did.
 */
public class GitHubException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    public GitHubException(String message, boolean retryable) {
        this(message, retryable, (Throwable) null);
    }

    public GitHubException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = null;
    }

    public GitHubException(String message, Duration retryAfter) {
        super(message);
        this.retryable = true;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
