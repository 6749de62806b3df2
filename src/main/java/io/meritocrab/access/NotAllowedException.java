package io.meritocrab.access;

/** The user may not see or change what they asked for; shown as "not found" so nothing is revealed. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
