package io.meritocrab.inbox;

import java.time.Instant;

/** How much the inbox holds: deliveries waiting (and since when) and deliveries parked as failed. */
public record InboxDepth(long pending, Instant oldestPendingReceivedAt, long failed) {
}
