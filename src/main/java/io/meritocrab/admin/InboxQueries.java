package io.meritocrab.admin;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.NotAllowedException;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.inbox.DeliverySignal;
import io.meritocrab.platform.Timestamps;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists deliveries by status and puts failed ones back in the queue. Operators see every delivery; a
 * maintainer only those of the repositories they maintain.
 */
@ApplicationScoped
public class InboxQueries {

    private static final String COLUMNS = "SELECT id, delivery_id, event, action, repository_name, status, attempts, "
            + "last_error, outcome, received_at, payload_size, repository_id FROM delivery ";

    @PersistenceContext
    EntityManager em;
    @Inject
    DeliverySignal signal;
    @Inject
    RepositoryAccess access;

    public Page<Views.Delivery> byStatus(ConsoleUser user, String status, PageRequest page) {
        String scope = scope(user);
        if (scope == null) {
            return new Page<>(List.of(), null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "WHERE status = ? AND id < ?" + scope + " ORDER BY id DESC")
                .setParameter(1, status)
                .setParameter(2, page.after() == null ? Long.MAX_VALUE : page.after())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        List<Views.Delivery> items = rows.stream().limit(page.limit()).map(InboxQueries::view).toList();
        String next = rows.size() > page.limit()
                ? String.valueOf(((Number) rows.get(page.limit() - 1)[0]).longValue()) : null;
        return new Page<>(items, next);
    }

    public long failedCount(ConsoleUser user, List<TrackedRepository> visible) {
        String scope = user.operator() ? "" : ids(visible);
        if (scope == null) {
            return 0;
        }
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'FAILED'" + scope)
                .getSingleResult()).longValue();
    }

    /** The first fields of a delivery's payload that tell a person what it was about. */
    public String payloadSummary(ConsoleUser user, String deliveryId) {
        Object[] row = find(user, deliveryId);
        byte[] payload = (byte[]) em.createNativeQuery("SELECT payload FROM delivery WHERE id = ?")
                .setParameter(1, ((Number) row[0]).longValue())
                .getSingleResult();
        return DeliveryPayloads.summary(payload);
    }

    /** Gives a failed delivery a fresh set of attempts. */
    @Transactional
    public Views.Delivery retry(ConsoleUser user, String deliveryId) {
        find(user, deliveryId);
        int updated = em.createNativeQuery("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "WHERE delivery_id = ? AND status = 'FAILED'")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, deliveryId)
                .executeUpdate();
        Views.Delivery delivery = view(find(user, deliveryId));
        if (updated == 0) {
            throw new jakarta.ws.rs.WebApplicationException(ApiError.response(409,
                    "delivery " + deliveryId + " is " + delivery.status().toLowerCase() + ", not failed").build());
        }
        signal.deliveriesArrived();
        return delivery;
    }

    private Object[] find(ConsoleUser user, String deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "WHERE delivery_id = ?")
                .setParameter(1, deliveryId)
                .getResultList();
        if (rows.isEmpty() || !user.operator() && !visible(user, (Number) rows.get(0)[11])) {
            throw new NotAllowedException("unknown delivery " + deliveryId);
        }
        return rows.get(0);
    }

    private boolean visible(ConsoleUser user, Number repositoryId) {
        return repositoryId != null && access.visibleTo(user).stream().anyMatch(r -> r.id() == repositoryId.longValue());
    }

    /** The SQL restricting deliveries to the user's repositories; null when they may see none. */
    private String scope(ConsoleUser user) {
        return user.operator() ? "" : ids(access.visibleTo(user));
    }

    private static String ids(List<TrackedRepository> repositories) {
        if (repositories.isEmpty()) {
            return null;
        }
        return repositories.stream().map(r -> String.valueOf(r.id()))
                .collect(Collectors.joining(", ", " AND repository_id IN (", ")"));
    }

    private static Views.Delivery view(Object[] row) {
        return new Views.Delivery((String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                ((Number) row[6]).intValue(), (String) row[7], (String) row[8], Timestamps.fromColumn(row[9]),
                ((Number) row[10]).intValue());
    }
}
