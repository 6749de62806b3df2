package io.meritocrab.maintainer;

import io.meritocrab.ledger.ContributorRef;

/** A maintainer operation that cannot be done as asked; the message says why, for the maintainer. */
public abstract class MaintainerActionException extends RuntimeException {

    protected MaintainerActionException(String message) {
        super(message);
    }

    /** No such contributor in the repository (by login or user id). */
    public static final class UnknownContributor extends MaintainerActionException {
        public UnknownContributor(ContributorRef who) {
            super("unknown contributor " + who);
        }
    }

    /** No such evaluation in the repository; an evaluation of another repository is not found either. */
    public static final class UnknownEvaluation extends MaintainerActionException {
        public UnknownEvaluation(long evaluationId) {
            super("unknown evaluation " + evaluationId);
        }
    }

    /** The evaluation is not waiting for review (applied automatically, or already decided). */
    public static final class EvaluationNotPending extends MaintainerActionException {
        public EvaluationNotPending(long evaluationId, String status, String decidedBy) {
            super("evaluation " + evaluationId + " is " + status.toLowerCase(java.util.Locale.ROOT)
                    + (decidedBy == null ? "" : " by " + decidedBy) + ", not pending");
        }
    }

    /** Input a maintainer must correct: zero delta, missing reason, and so on. */
    public static final class InvalidRequest extends MaintainerActionException {
        public InvalidRequest(String message) {
            super(message);
        }
    }
}
