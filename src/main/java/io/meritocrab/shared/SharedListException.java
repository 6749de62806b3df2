package io.meritocrab.shared;

/** A shared-list request refused; the message says why, for the person asking. */
public abstract class SharedListException extends RuntimeException {

    protected SharedListException(String message) {
        super(message);
    }

    /** The user may not see or change these lists (not an owner, or not a maintainer for reading). */
    public static final class Forbidden extends SharedListException {
        Forbidden(String message) {
            super(message);
        }
    }

    /** No such installation, user or entry. */
    public static final class Unknown extends SharedListException {
        Unknown(String message) {
            super(message);
        }
    }

    /** The user is on the other list already. */
    public static final class Conflict extends SharedListException {
        Conflict(String message) {
            super(message);
        }
    }

    /** The request itself is wrong (an expiry in the past, a reason too long). */
    public static final class Invalid extends SharedListException {
        Invalid(String message) {
            super(message);
        }
    }

    /** GitHub could not be asked (the login could not be resolved for now). */
    public static final class Unavailable extends SharedListException {
        Unavailable(String message) {
            super(message);
        }
    }
}
