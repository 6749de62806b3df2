package io.meritocrab.intake;

import io.meritocrab.inbox.IntakeSettings;
import io.meritocrab.metrics.DeliveryMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook body bytes the server holds at once, across all requests: received and not yet refused
 * or committed. Anyone can send a body before its signature can be checked, so memory is granted as
 * bytes arrive (never on the client's declared length) and within a cap; one source address may hold
 * at most half of it, so a single sender cannot crowd out GitHub.
 */
@ApplicationScoped
public class BodyBudget {

    @Inject
    IntakeSettings settings;

    private long capacity;

    private final AtomicLong inFlight = new AtomicLong();
    private final Map<String, AtomicLong> byAddress = new ConcurrentHashMap<>();

    @Inject
    DeliveryMetrics metrics;

    @PostConstruct
    void check() {
        capacity = Math.max(settings.maxBodyBytesInFlight(), 2L * WebhookResource.MAX_BODY_BYTES);
        metrics.watchBodyBytesInFlight(inFlight::get);
    }

    /** Created at start, so the gauge is there before the first webhook. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        inFlight();
    }

    /** A reservation for one request's body, from the given address; it grows as the body arrives. */
    Reservation open(String address) {
        return new Reservation(address);
    }

    /** Body bytes held now, by all requests. */
    public long inFlight() {
        return inFlight.get();
    }

    /** One request's share; closing it hands its bytes back. Not thread-safe: one request, one thread. */
    final class Reservation implements AutoCloseable {

        private final String address;
        private AtomicLong ofAddress;
        private long held;
        private boolean closed;

        private Reservation(String address) {
            this.address = address;
        }

        /** Takes more bytes; false (taking nothing) when the server's or the address's share is used up. */
        boolean grow(long bytes) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (ofAddress == null) {
                ofAddress = byAddress.computeIfAbsent(address, a -> new AtomicLong());
            }
            long total = inFlight.addAndGet(bytes);
            long mine = ofAddress.addAndGet(bytes);
            if (total > capacity || mine > capacity / 2) {
                inFlight.addAndGet(-bytes);
                release(bytes);
                return false;
            }
            held += bytes;
            return true;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (held > 0) {
                inFlight.addAndGet(-held);
                release(held);
            }
        }

        private void release(long bytes) {
            if (ofAddress.addAndGet(-bytes) <= 0) {
                // Idle addresses are forgotten, so the map holds only addresses with bytes in flight
                // (a request racing with the removal keeps counting on its own: the share is approximate).
                byAddress.remove(address, ofAddress);
            }
        }
    }
}
