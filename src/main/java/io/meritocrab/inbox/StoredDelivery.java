package io.meritocrab.inbox;

/** A delivery as kept in the inbox, handed to the event handlers. */
public record StoredDelivery(String deliveryId, String event, String action, byte[] payload) {
}
