package io.meritocrab.evaluation;

/** The kinds of contribution that are evaluated (merges and reviews earn fixed bonuses instead). */
public enum ContributionKind {
    PULL_REQUEST, COMMENT
}
