package io.meritocrab.evaluation.llm;

/** The provider could not be reached or failed on its side (5xx): retried, and counted by the circuit breaker. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
