package io.meritocrab.admin;

import io.meritocrab.intake.DeliverySignal;
import io.meritocrab.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Lists deliveries by status and puts failed ones back in the queue. */
@ApplicationScoped
public class InboxQueries {

    private static final String COLUMNS = "SELECT id, delivery_id, event, action, repository_name, status, attempts, "
            + "last_error, outcome, received_at FROM delivery ";

    @PersistenceContext
    EntityManager em;
    @Inject
    DeliverySignal signal;

    Page<Views.Delivery> byStatus(String status, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "WHERE status = ? AND id < ? ORDER BY id DESC")
                .setParameter(1, status)
                .setParameter(2, page.after() == null ? Long.MAX_VALUE : page.after())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        List<Views.Delivery> items = rows.stream().limit(page.limit()).map(InboxQueries::view).toList();
        String next = rows.size() > page.limit()
                ? String.valueOf(((Number) rows.get(page.limit() - 1)[0]).longValue()) : null;
        return new Page<>(items, next);
    }

    /** Gives a failed delivery a fresh set of attempts. */
    @Transactional
    Views.Delivery retry(String deliveryId) {
        int updated = em.createNativeQuery("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "WHERE delivery_id = ? AND status = 'FAILED'")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, deliveryId)
                .executeUpdate();
        Views.Delivery delivery = find(deliveryId);
        if (updated == 0) {
            throw new jakarta.ws.rs.WebApplicationException(ApiError.response(409,
                    "delivery " + deliveryId + " is " + delivery.status().toLowerCase() + ", not failed").build());
        }
        signal.deliveriesArrived();
        return delivery;
    }

    private Views.Delivery find(String deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "WHERE delivery_id = ?")
                .setParameter(1, deliveryId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiError.notFound("unknown delivery " + deliveryId);
        }
        return view(rows.get(0));
    }

    private static Views.Delivery view(Object[] row) {
        return new Views.Delivery((String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                ((Number) row[6]).intValue(), (String) row[7], (String) row[8], Timestamps.fromColumn(row[9]));
    }
}
