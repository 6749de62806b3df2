package io.meritocrab.scoring;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.ContributionKind;

/**
 * The numbers that govern one repository's ledger: the scoring table, the thresholds, how sure an
 * evaluation must be before it is applied without a maintainer, and the steps of sanctions.
 */
public record ScoringPolicy(
        int startingCredit,
        int prThreshold,
        int blacklistThreshold,
        double confidenceThreshold,
        ScoreRow pullRequestOpened,
        ScoreRow comment,
        ScoreRow pullRequestMerged,
        ScoreRow reviewSubmitted,
        SanctionSteps sanctions) {

    /** The defaults of the original meritocrab. */
    public static ScoringPolicy defaults() {
        return new ScoringPolicy(100, 50, 0, 0.85, new ScoreRow(-25, -5, 5, 15), new ScoreRow(-10, -2, 1, 3),
                new ScoreRow(0, 0, 20, 20), new ScoreRow(0, 0, 5, 5));
    }

    /** A policy whose offences blacklist for good, as the original's do. */
    public ScoringPolicy(int startingCredit, int prThreshold, int blacklistThreshold, double confidenceThreshold,
                         ScoreRow pullRequestOpened, ScoreRow comment, ScoreRow pullRequestMerged,
                         ScoreRow reviewSubmitted) {
        this(startingCredit, prThreshold, blacklistThreshold, confidenceThreshold, pullRequestOpened, comment,
                pullRequestMerged, reviewSubmitted, SanctionSteps.permanent());
    }

    public ScoringPolicy {
        if (sanctions == null) {
            throw new IllegalArgumentException("sanction steps are required");
        }
        if (startingCredit < 0) {
            throw new IllegalArgumentException("starting credit must not be negative: " + startingCredit);
        }
        if (Double.isNaN(confidenceThreshold) || confidenceThreshold < 0.0 || confidenceThreshold > 1.0) {
            throw new IllegalArgumentException("confidence threshold must be within [0, 1]: " + confidenceThreshold);
        }
    }

    public int deltaFor(ContributionKind kind, Classification classification) {
        return switch (kind) {
            case PULL_REQUEST -> pullRequestOpened.deltaFor(classification);
            case COMMENT -> comment.deltaFor(classification);
        };
    }

    /** A merged pull request's bonus, picked by the classification of the pull request itself. */
    public int mergedBonus(Classification pullRequest) {
        return pullRequestMerged.deltaFor(pullRequest);
    }

    /** A review's bonus: reviews are not evaluated, so they count as acceptable (as in the original). */
    public int reviewBonus() {
        return reviewSubmitted.deltaFor(Classification.ACCEPTABLE);
    }

    /** An evaluation at least this sure is applied at once; below, it waits for a maintainer. */
    public boolean appliesAutomatically(double confidence) {
        return confidence >= confidenceThreshold;
    }

    /** Credit at or below the blacklist threshold means shadow-blacklisted. */
    public boolean reachesBlacklist(int credit) {
        return credit <= blacklistThreshold;
    }

    /**
     * The PR gate, decided on the credit the contributor had before this PR was evaluated. A contributor
     * is shadow-closed when flagged or at or below the blacklist threshold (a lifted flag or a newly
     * raised threshold does not let a contributor at that credit through with an explanation).
     */
    public GateDecision gate(int creditBefore, boolean blacklisted) {
        if (blacklisted || reachesBlacklist(creditBefore)) {
            return GateDecision.SHADOW_CLOSE;
        }
        return creditBefore < prThreshold ? GateDecision.CLOSE_BELOW_THRESHOLD : GateDecision.ALLOW;
    }
}
