package io.meritocrab.processing;

import io.meritocrab.events.DeliveryRouter;
import io.meritocrab.inbox.Claim;
import io.meritocrab.inbox.Deliveries;
import io.meritocrab.inbox.StoredDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Processes one leased delivery: its ledger effect and marking it processed commit in one JTA
 * transaction, so a delivery changes the ledger at most once.
 */
@ApplicationScoped
public class DeliveryProcessor {

    @PersistenceContext
    EntityManager em;
    @Inject
    Deliveries deliveries;
    @Inject
    DeliveryRouter router;

    /** @return the outcome, or null when the lease was lost to another server meanwhile */
    @Transactional(rollbackOn = SQLException.class)
    public String process(Claim claim) throws SQLException {
        Optional<StoredDelivery> delivery = deliveries.lockForProcessing(claim);
        if (delivery.isEmpty()) {
            return null;
        }
        String outcome = router.route(delivery.get());
        em.flush();
        deliveries.processed(claim, outcome);
        return outcome;
    }
}
