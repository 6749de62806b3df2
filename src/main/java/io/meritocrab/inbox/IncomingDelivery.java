package io.meritocrab.inbox;

import java.time.Instant;

/** A verified webhook delivery on its way into the inbox. */
public record IncomingDelivery(String deliveryId, String event, PayloadSummary summary, byte[] payload,
                               Instant receivedAt) {
}
