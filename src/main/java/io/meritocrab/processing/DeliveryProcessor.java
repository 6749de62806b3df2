package io.meritocrab.processing;

import io.meritocrab.events.DeliveryRouter;
import io.meritocrab.inbox.StoredDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Processes one leased delivery: its ledger effect and marking it processed commit in one JTA
 * transaction, so a delivery changes the ledger at most once.
 */
@ApplicationScoped
public class DeliveryProcessor {

    @PersistenceContext
    EntityManager em;
    @Inject
    DeliveryRouter router;

    /** @return the outcome, or null when the lease was lost to another server meanwhile */
    @Transactional
    public String process(Claim claim) {
        List<?> rows = em.createNativeQuery("SELECT event, action, payload, status, attempts FROM delivery "
                        + "WHERE id = ? FOR UPDATE")
                .setParameter(1, claim.id())
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (!"PENDING".equals(row[3]) || ((Number) row[4]).intValue() != claim.attempt()) {
            return null;
        }
        if (row[2] == null) {
            throw new IllegalStateException("the payload of delivery " + claim.deliveryId() + " is gone");
        }
        StoredDelivery delivery = new StoredDelivery(claim.deliveryId(), (String) row[0], (String) row[1],
                (byte[]) row[2]);
        String outcome = router.route(delivery);
        em.flush();
        em.createNativeQuery("UPDATE delivery SET status = 'PROCESSED', processed_at = ?, outcome = ?, "
                        + "last_error = NULL WHERE id = ?")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, truncate(outcome, 255))
                .setParameter(3, claim.id())
                .executeUpdate();
        return outcome;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
