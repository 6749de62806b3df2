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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes leased deliveries: a delivery's ledger effect and marking it processed commit in one JTA
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
        return apply(claim);
    }

    /**
     * Processes several deliveries in one transaction, in {@link Claim#LOCK_ORDER}: one commit for all, and
     * a contributor flooding the inbox is locked once for all of their deliveries instead of once each.
     * Each delivery is still marked processed with its own outcome. A failure of any rolls back all of them;
     * the caller then processes them one at a time, so the failure is recorded against its own delivery.
     *
     * @return each delivery's outcome, null for one whose lease was lost to another server meanwhile
     */
    @Transactional(rollbackOn = SQLException.class)
    public Map<Claim, String> processTogether(List<Claim> claims) throws SQLException {
        List<Claim> ordered = new ArrayList<>(claims);
        ordered.sort(Claim.LOCK_ORDER);
        Map<Claim, String> outcomes = new HashMap<>();
        for (Claim claim : ordered) {
            outcomes.put(claim, apply(claim));
        }
        return outcomes;
    }

    private String apply(Claim claim) throws SQLException {
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
