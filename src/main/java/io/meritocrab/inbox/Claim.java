package io.meritocrab.inbox;

import io.meritocrab.platform.LeasedQueue.Lease;

/**
 * A delivery leased to this server for one attempt. The attempt number doubles as the lease token: a
 * server whose lease expired and was taken over finds a newer attempt and backs off.
 */
public record Claim(long id, String deliveryId, String event, int attempt) {

    Lease lease() {
        return new Lease(id, attempt);
    }
}
