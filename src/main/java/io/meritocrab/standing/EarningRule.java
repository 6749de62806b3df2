package io.meritocrab.standing;

import io.meritocrab.scoring.ScoreRow;
import io.meritocrab.scoring.ScoringPolicy;
import java.util.List;

/** One row of "what earns credit here": a kind of contribution and what it earns by how it is judged. */
public record EarningRule(String contribution, int high, int acceptable, int low) {

    static List<EarningRule> of(ScoringPolicy policy) {
        return List.of(row("A pull request", policy.pullRequestOpened()),
                row("A comment", policy.comment()),
                row("A merged pull request", policy.pullRequestMerged()),
                row("A review", policy.reviewSubmitted()));
    }

    private static EarningRule row(String contribution, ScoreRow row) {
        return new EarningRule(contribution, row.high(), row.acceptable(), row.low());
    }
}
