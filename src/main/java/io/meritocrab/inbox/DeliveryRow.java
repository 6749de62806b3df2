package io.meritocrab.inbox;

import java.time.Instant;

/** A delivery as maintainers see it in the console and the API, without its payload. */
public record DeliveryRow(long id, String deliveryId, String event, String action, String repositoryName,
                          String status, int attempts, String lastError, String outcome, Instant receivedAt,
                          int payloadSize, Long repositoryId) {
}
