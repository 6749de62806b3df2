package io.meritocrab.outbox;

/** A row of the GitHub outbox leased to this server; {@code attempt} is the lease's token. */
public record OutboxClaim(long id, int attempt) {
}
