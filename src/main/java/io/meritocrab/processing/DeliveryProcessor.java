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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return apply(List.of(claim)).get(claim);
    }

    /**
     * Processes several deliveries in one transaction, in {@link Claim#LOCK_ORDER}: one commit for all, and
     * a contributor flooding the inbox is locked once for all of their deliveries instead of once each.
     * Each delivery is still marked processed with its own outcome. A failure of any rolls back all of them;
     * the caller then processes them one at a time, so the failure is recorded against its own delivery.
     *
     * @return each delivery's outcome; none for one whose lease was lost to another server meanwhile
     */
    @Transactional(rollbackOn = SQLException.class)
    public Map<Claim, String> processTogether(List<Claim> claims) throws SQLException {
        return apply(claims);
    }

    /** The deliveries are locked in one statement and marked processed in one batch, after all are applied. */
    private Map<Claim, String> apply(List<Claim> claims) throws SQLException {
        List<Claim> ordered = new ArrayList<>(claims);
        ordered.sort(Claim.LOCK_ORDER);
        Map<Long, StoredDelivery> locked = deliveries.lockForProcessing(ordered);
        Map<Claim, String> outcomes = new LinkedHashMap<>();
        for (Claim claim : ordered) {
            StoredDelivery delivery = locked.get(claim.id());
            if (delivery != null) {
                outcomes.put(claim, router.route(delivery));
            }
        }
        // Once for all: the evaluations, ledger entries and credits of every delivery go in one batch per
        // table (a later delivery's "was this PR evaluated?" counts the batch's own evaluations without
        // them: Evaluations.pullRequestPrecedents), and a failure here still rolls back before any is marked.
        em.flush();
        deliveries.processed(outcomes);
        return outcomes;
    }
}
