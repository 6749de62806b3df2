package io.meritocrab.github;

/** GitHub answered 5xx or did not answer in time: counts toward opening the circuit breaker. */
class GitHubUnavailableException extends RuntimeException {

    GitHubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
