package io.meritocrab.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.repoconfig.HistoryRules;
import org.junit.jupiter.api.Test;

class StartingCreditAdjustmentTest {

    private static final HistoryRules RULES = new HistoryRules(true, 15, 25);

    @Test
    void aYoungAccountWithNothingMergedTakesTheFullPenalty() {
        StartingCreditAdjustment cut = StartingCreditAdjustment.of(new TrackRecord(3, 0, 0), RULES);

        assertThat(cut.delta()).isEqualTo(-25);
        assertThat(cut.reason()).isEqualTo("record elsewhere on GitHub: account 3 days old, no pull request "
                + "elsewhere in 12 months; starting credit -25 (at most +15, at least -25)");
    }

    @Test
    void aYoungAccountWithMergedWorkIsScoredOnIt() {
        assertThat(StartingCreditAdjustment.of(new TrackRecord(10, 2, 0), RULES).delta()).isEqualTo(4);
    }

    @Test
    void anOlderAccountWithoutPullRequestsStaysAtTheStartingCredit() {
        assertThat(StartingCreditAdjustment.of(new TrackRecord(800, 0, 0), RULES).delta()).isZero();
    }

    @Test
    void eachMergedPullRequestCountsTwoAndEachClosedUnmergedOneAgainst() {
        assertThat(StartingCreditAdjustment.of(new TrackRecord(400, 5, 3), RULES).delta()).isEqualTo(7);
        assertThat(StartingCreditAdjustment.of(new TrackRecord(400, 1, 6), RULES).delta()).isEqualTo(-4);
    }

    @Test
    void theAdjustmentStaysWithinTheBounds() {
        StartingCreditAdjustment seasoned = StartingCreditAdjustment.of(new TrackRecord(3000, 100, 0), RULES);
        assertThat(seasoned.delta()).isEqualTo(15);
        assertThat(seasoned.reason()).isEqualTo("record elsewhere on GitHub: account 3000 days old, 100 merged and 0 "
                + "closed unmerged pull requests elsewhere in 12 months; starting credit +15 (at most +15, at least -25)");
        assertThat(StartingCreditAdjustment.of(new TrackRecord(3000, 0, 100), RULES).delta()).isEqualTo(-25);
        assertThat(StartingCreditAdjustment.of(new TrackRecord(3000, 100, 0), new HistoryRules(true, 0, 0)).delta())
                .isZero();
    }

    @Test
    void aSkippedLookupChangesNothingAndSaysWhy() {
        StartingCreditAdjustment cut = StartingCreditAdjustment.skipped("GitHub did not answer after 3 attempts");

        assertThat(cut.delta()).isZero();
        assertThat(cut.reason()).isEqualTo("record elsewhere on GitHub skipped: GitHub did not answer after 3 attempts");
    }
}
