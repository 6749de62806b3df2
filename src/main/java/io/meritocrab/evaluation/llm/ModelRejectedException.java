package io.meritocrab.evaluation.llm;

/** The provider refused the request itself (a 4xx other than 429: wrong key, unknown model): not retried. */
public class ModelRejectedException extends RuntimeException {

    public ModelRejectedException(String message) {
        super(message);
    }
}
