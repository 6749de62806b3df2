package io.meritocrab.inbox;

import io.meritocrab.platform.LeasedQueue.Lease;
import java.util.Comparator;

/**
 * A delivery leased to this server for one attempt. The attempt number doubles as the lease token: a
 * server whose lease expired and was taken over finds a newer attempt and backs off.
 *
 * @param repositoryId the delivery's repository, null when it names none
 * @param senderId     who sent it (GitHub's sender.id), null when it names no one or was stored before it was kept
 * @param payloadBytes the size of its payload as received
 */
public record Claim(long id, String deliveryId, String event, int attempt, Long repositoryId, Long senderId,
                    long payloadBytes) {

    /**
     * The order in which deliveries processed together are applied: by repository and sender, so every
     * transaction locks contributors in the same order, then as received, so one contributor's deliveries
     * are applied in the order they came.
     */
    public static final Comparator<Claim> LOCK_ORDER = Comparator
            .comparing(Claim::repositoryId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Claim::senderId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Claim::id);

    Lease lease() {
        return new Lease(id, attempt);
    }
}
