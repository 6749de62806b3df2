package io.meritocrab.inbox;

/** What the inbox did with a delivery. */
public enum Acceptance {
    /** Committed; it will be processed. */
    ACCEPTED,
    /** A delivery with this id was accepted before; nothing more happens. */
    DUPLICATE
}
