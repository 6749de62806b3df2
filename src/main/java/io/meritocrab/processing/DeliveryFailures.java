package io.meritocrab.processing;

import io.meritocrab.intake.MalformedPayloadException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Records a failed attempt: the delivery is retried after the policy's backoff, or parked as failed
 * (visible to maintainers, who can retry it) once attempts run out or retrying cannot help.
 */
@ApplicationScoped
public class DeliveryFailures {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(Claim claim, Throwable failure, RetryPolicy policy) {
        boolean park = failure instanceof MalformedPayloadException || policy.exhaustedAfter(claim.attempt());
        Instant next = Instant.now().plus(policy.delayAfter(claim.attempt()));
        em.createNativeQuery("UPDATE delivery SET status = ?, last_error = ?, next_attempt_at = ?, lease_holder = NULL "
                        + "WHERE id = ? AND status = 'PENDING' AND attempts = ?")
                .setParameter(1, park ? "FAILED" : "PENDING")
                .setParameter(2, DeliveryProcessor.truncate(describe(failure), 2000))
                .setParameter(3, Timestamp.from(next))
                .setParameter(4, claim.id())
                .setParameter(5, claim.attempt())
                .executeUpdate();
        return park;
    }

    /** Parks a delivery whose earlier attempts ended without a recorded failure (e.g. a crash). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void giveUp(Claim claim) {
        em.createNativeQuery("UPDATE delivery SET status = 'FAILED', last_error = COALESCE(last_error, ?) "
                        + "WHERE id = ? AND status = 'PENDING' AND attempts = ?")
                .setParameter(1, "gave up after " + (claim.attempt() - 1) + " attempts")
                .setParameter(2, claim.id())
                .setParameter(3, claim.attempt())
                .executeUpdate();
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
