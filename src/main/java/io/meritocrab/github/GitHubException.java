package io.meritocrab.github;

/** A GitHub call that did not succeed; {@code retryable} when trying again later may succeed. */
public class GitHubException extends RuntimeException {

    private final boolean retryable;

    public GitHubException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public GitHubException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
