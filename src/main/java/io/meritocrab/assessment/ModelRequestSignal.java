package io.meritocrab.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Wakes idle model workers once a transaction that queued contributions for the model has committed. */
@ApplicationScoped
public class ModelRequestSignal {

    /** Fired when a contribution is queued for the model; observed after the commit. */
    public record Queued() {
    }

    private long generation;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
        wake();
    }

    synchronized void wake() {
        generation++;
        notifyAll();
    }

    /** Waits until something is queued after {@code seen}, or the timeout passes. */
    synchronized long await(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long remaining = timeoutMillis;
        while (generation == seen && remaining > 0) {
            wait(remaining);
            remaining = deadline - System.currentTimeMillis();
        }
        return generation;
    }

    synchronized long generation() {
        return generation;
    }
}
