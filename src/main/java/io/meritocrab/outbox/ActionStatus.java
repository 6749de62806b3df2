package io.meritocrab.outbox;

/** Where an enforcement action stands on GitHub. */
public enum ActionStatus {
    /** The gate allowed the pull request. */
    NONE_NEEDED,
    /** Still to be carried out (or retried). */
    PENDING,
    /** Carried out on GitHub. */
    DONE,
    /** Not carried out, with the reason in the outcome (privileged author, PR already closed…). */
    SKIPPED,
    /** The repository runs in observe mode: recorded as what would have happened. */
    OBSERVED,
    /** GitHub refused it for good (the outcome says why); a maintainer can act by hand. */
    FAILED
}
