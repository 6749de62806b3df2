package io.meritocrab.inbox;

import io.meritocrab.platform.WakeUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Wakes idle delivery workers when deliveries are due: {@link DeliveryInbox} wakes them after each
 * commit of new deliveries, a retried delivery does through {@link Retried} once its transaction commits.
 */
@ApplicationScoped
public class DeliverySignal extends WakeUp {

    /** Fired when a parked delivery is given new attempts; observed after the commit. */
    public record Retried() {
    }

    void retried(@Observes(during = TransactionPhase.AFTER_SUCCESS) Retried event) {
        wake();
    }
}
