package io.meritocrab.evaluation;

/** Where an evaluation stands. */
public enum EvaluationStatus {
    /** Waiting for the LLM; it becomes APPLIED or PENDING (or NOT_APPLIED) when the model has answered. */
    QUEUED,
    /** Sure enough: its delta was applied when it was made. */
    APPLIED,
    /** Waiting in the review queue for a maintainer. */
    PENDING,
    /** A maintainer applied the proposed delta. */
    APPROVED,
    /** A maintainer applied another delta. */
    OVERRIDDEN,
    /** Recorded only, earning nothing: the contributor is blacklisted, or the PR duplicates another author's. */
    NOT_APPLIED
}
