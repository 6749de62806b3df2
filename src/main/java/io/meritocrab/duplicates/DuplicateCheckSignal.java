package io.meritocrab.duplicates;

import io.meritocrab.platform.WakeUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Wakes idle duplicate workers once a transaction that queued checks in {@link DuplicateChecks} has committed. */
@ApplicationScoped
public class DuplicateCheckSignal extends WakeUp {

    /** Fired when a pull request is queued for the duplicate check; observed after the commit. */
    public record Queued() {
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
        wake();
    }
}
