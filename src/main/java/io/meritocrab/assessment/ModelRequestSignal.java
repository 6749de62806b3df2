package io.meritocrab.assessment;

import io.meritocrab.platform.WakeUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Wakes idle model workers once a transaction that queued contributions in {@link ModelRequests} has committed. */
@ApplicationScoped
public class ModelRequestSignal extends WakeUp {

    /** Fired when a contribution is queued for the model; observed after the commit. */
    public record Queued() {
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
        wake();
    }
}
