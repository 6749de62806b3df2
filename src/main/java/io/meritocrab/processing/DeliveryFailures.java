package io.meritocrab.processing;

import io.meritocrab.inbox.Claim;
import io.meritocrab.inbox.Deliveries;
import io.meritocrab.inbox.MalformedPayloadException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Records a failed attempt: the delivery is retried after the policy's backoff, or parked as failed
 * (visible to maintainers, who can retry it) once attempts run out or retrying cannot help. Runs after
 * the attempt's transaction rolled back, so each record commits on its own.
 */
@ApplicationScoped
public class DeliveryFailures {

    @Inject
    Deliveries deliveries;

    public boolean record(Claim claim, Throwable failure, RetryPolicy policy) throws SQLException {
        boolean park = failure instanceof MalformedPayloadException || policy.exhaustedAfter(claim.attempt());
        deliveries.failed(claim, park, describe(failure), Instant.now().plus(policy.delayAfter(claim.attempt())));
        return park;
    }

    /** Parks a delivery whose earlier attempts ended without a recorded failure (e.g. a crash). */
    public void giveUp(Claim claim) throws SQLException {
        deliveries.gaveUp(claim);
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
