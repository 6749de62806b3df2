package io.meritocrab.outbox;

/** Something was put in the GitHub outbox; the worker is woken once it is committed. */
public record OutboxWork(long id) {
}
