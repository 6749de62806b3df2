package io.meritocrab.appeals;

/** An appeal that cannot be made or decided as asked; the message says why, for the person asking. */
public abstract class AppealException extends RuntimeException {

    protected AppealException(String message) {
        super(message);
    }

    /** The contributor may not appeal this (too long, not an entry that cost credit, over the limit…). */
    public static final class Refused extends AppealException {
        Refused(String message) {
            super(message);
        }
    }

    /** No such appeal or entry for this person or repository; shown as "not found". */
    public static final class Unknown extends AppealException {
        Unknown(String what) {
            super("unknown " + what);
        }
    }

    /** The appeal was already decided. */
    public static final class NotOpen extends AppealException {
        NotOpen(Appeal appeal) {
            super("appeal " + appeal.id() + " is already " + appeal.status().label()
                    + (appeal.decidedBy() == null ? "" : " by " + appeal.decidedBy()));
        }
    }
}
