package io.meritocrab.outbox;

import io.meritocrab.platform.WakeUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Wakes idle GitHub action workers once a transaction that put work in {@link GitHubOutbox} has committed. */
@ApplicationScoped
public class OutboxSignal extends WakeUp {

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWork work) {
        wake();
    }
}
