package io.meritocrab.enforcement;

/** A close was decided; the outbox worker is woken once the decision is committed. */
public record CloseDecided(long actionId) {
}
