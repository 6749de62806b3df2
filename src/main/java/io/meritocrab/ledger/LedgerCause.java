package io.meritocrab.ledger;

import java.util.Objects;

/**
 * Who or what caused a ledger entry: the actor ("system" or a maintainer's login), a reason, and the
 * webhook delivery and evaluation behind it when there are any.
 */
public record LedgerCause(String actor, String reason, String deliveryId, Long evaluationId) {

    public static final String SYSTEM = "system";

    public LedgerCause {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    public static LedgerCause system(String reason, String deliveryId, Long evaluationId) {
        return new LedgerCause(SYSTEM, reason, deliveryId, evaluationId);
    }
}
