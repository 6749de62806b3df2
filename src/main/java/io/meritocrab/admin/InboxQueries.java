package io.meritocrab.admin;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.NotAllowedException;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.inbox.Deliveries;
import io.meritocrab.inbox.DeliveryRow;
import io.meritocrab.inbox.DeliverySignal;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.util.List;

/**
 * Lists deliveries by status and puts failed ones back in the queue. Operators see every delivery; a
 * maintainer only those of the repositories they maintain.
 */
@ApplicationScoped
public class InboxQueries {

    @Inject
    Deliveries deliveries;
    @Inject
    Event<DeliverySignal.Retried> retried;
    @Inject
    RepositoryAccess access;

    public Page<Views.Delivery> byStatus(ConsoleUser user, String status, PageRequest page) {
        List<Long> scope = scope(user, access.visibleTo(user));
        List<DeliveryRow> rows = read(() -> deliveries.page(status, page.after() == null ? Long.MAX_VALUE : page.after(),
                page.limit() + 1, scope));
        List<Views.Delivery> items = rows.stream().limit(page.limit()).map(InboxQueries::view).toList();
        String next = rows.size() > page.limit() ? String.valueOf(rows.get(page.limit() - 1).id()) : null;
        return new Page<>(items, next);
    }

    public long failedCount(ConsoleUser user, List<TrackedRepository> visible) {
        List<Long> scope = scope(user, visible);
        return read(() -> deliveries.failedCount(scope));
    }

    /** The first fields of a delivery's payload that tell a person what it was about. */
    public String payloadSummary(ConsoleUser user, String deliveryId) {
        DeliveryRow row = find(user, deliveryId);
        return DeliveryPayloads.summary(read(() -> deliveries.payload(row.id())).orElse(null));
    }

    /** Gives a failed delivery a fresh set of attempts. */
    public Views.Delivery retry(ConsoleUser user, String deliveryId) {
        find(user, deliveryId);
        boolean retrying = read(() -> deliveries.retry(deliveryId));
        Views.Delivery delivery = view(find(user, deliveryId));
        if (!retrying) {
            throw new WebApplicationException(ApiError.response(409,
                    "delivery " + deliveryId + " is " + delivery.status().toLowerCase() + ", not failed").build());
        }
        retried.fire(new DeliverySignal.Retried());
        return delivery;
    }

    private DeliveryRow find(ConsoleUser user, String deliveryId) {
        return read(() -> deliveries.find(deliveryId))
                .filter(found -> user.operator() || visible(user, found.repositoryId()))
                .orElseThrow(() -> new NotAllowedException("unknown delivery " + deliveryId));
    }

    private boolean visible(ConsoleUser user, Long repositoryId) {
        return repositoryId != null && access.visibleTo(user).stream().anyMatch(r -> r.id() == repositoryId);
    }

    /** The repositories whose deliveries the user may see; null for an operator, who sees all. */
    private static List<Long> scope(ConsoleUser user, List<TrackedRepository> visible) {
        return user.operator() ? null : visible.stream().map(TrackedRepository::id).toList();
    }

    private static Views.Delivery view(DeliveryRow row) {
        return new Views.Delivery(row.deliveryId(), row.event(), row.action(), row.repositoryName(), row.status(),
                row.attempts(), row.lastError(), row.outcome(), row.receivedAt(), row.payloadSize());
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the deliveries", e);
        }
    }
}
