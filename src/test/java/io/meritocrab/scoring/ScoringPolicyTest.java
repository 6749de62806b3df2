package io.meritocrab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.ContributionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoringPolicyTest {

    private final ScoringPolicy cut = ScoringPolicy.defaults();

    private static ScoringPolicy withThresholds(int startingCredit, int prThreshold, int blacklistThreshold,
            double confidenceThreshold) {
        return new ScoringPolicy(startingCredit, prThreshold, blacklistThreshold, confidenceThreshold,
                new ScoreRow(-25, -5, 5, 15), new ScoreRow(-10, -2, 1, 3), new ScoreRow(0, 0, 20, 20),
                new ScoreRow(0, 0, 5, 5));
    }

    @Test
    void defaultsMatchTheOriginalTable() {
        assertThat(cut.startingCredit()).isEqualTo(100);
        assertThat(cut.prThreshold()).isEqualTo(50);
        assertThat(cut.blacklistThreshold()).isZero();
        assertThat(cut.confidenceThreshold()).isEqualTo(0.85);
        assertThat(cut.pullRequestOpened()).isEqualTo(new ScoreRow(-25, -5, 5, 15));
        assertThat(cut.comment()).isEqualTo(new ScoreRow(-10, -2, 1, 3));
        assertThat(cut.pullRequestMerged()).isEqualTo(new ScoreRow(0, 0, 20, 20));
        assertThat(cut.reviewSubmitted()).isEqualTo(new ScoreRow(0, 0, 5, 5));
    }

    @Test
    void theMergedPullRequestsOwnClassificationPicksItsBonusAndAReviewCountsAsAcceptable() {
        ScoringPolicy custom = new ScoringPolicy(100, 50, 0, 0.85, new ScoreRow(-25, -5, 5, 15),
                new ScoreRow(-10, -2, 1, 3), new ScoreRow(1, 2, 30, 40), new ScoreRow(3, 4, 6, 8));

        assertThat(custom.mergedBonus(Classification.SPAM)).isEqualTo(1);
        assertThat(custom.mergedBonus(Classification.LOW)).isEqualTo(2);
        assertThat(custom.mergedBonus(Classification.ACCEPTABLE)).isEqualTo(30);
        assertThat(custom.mergedBonus(Classification.HIGH)).isEqualTo(40);
        assertThat(custom.reviewBonus()).isEqualTo(6);
        assertThat(cut.mergedBonus(Classification.SPAM)).isZero();
        assertThat(cut.reviewBonus()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "PULL_REQUEST, SPAM,       -25",
            "PULL_REQUEST, LOW,        -5",
            "PULL_REQUEST, ACCEPTABLE, 5",
            "PULL_REQUEST, HIGH,       15",
            "COMMENT,      SPAM,       -10",
            "COMMENT,      LOW,        -2",
            "COMMENT,      ACCEPTABLE, 1",
            "COMMENT,      HIGH,       3"})
    void deltaForDefaultTable(ContributionKind kind, Classification classification, int expected) {
        assertThat(cut.deltaFor(kind, classification)).isEqualTo(expected);
    }

    @Test
    void deltaForReadsTheRowOfTheGivenKind() {
        ScoringPolicy custom = new ScoringPolicy(100, 50, 0, 0.85,
                new ScoreRow(-101, -102, 103, 104), new ScoreRow(-201, -202, 203, 204),
                new ScoreRow(0, 0, 20, 20), new ScoreRow(0, 0, 5, 5));

        assertThat(custom.deltaFor(ContributionKind.PULL_REQUEST, Classification.SPAM)).isEqualTo(-101);
        assertThat(custom.deltaFor(ContributionKind.PULL_REQUEST, Classification.LOW)).isEqualTo(-102);
        assertThat(custom.deltaFor(ContributionKind.PULL_REQUEST, Classification.ACCEPTABLE)).isEqualTo(103);
        assertThat(custom.deltaFor(ContributionKind.PULL_REQUEST, Classification.HIGH)).isEqualTo(104);
        assertThat(custom.deltaFor(ContributionKind.COMMENT, Classification.SPAM)).isEqualTo(-201);
        assertThat(custom.deltaFor(ContributionKind.COMMENT, Classification.LOW)).isEqualTo(-202);
        assertThat(custom.deltaFor(ContributionKind.COMMENT, Classification.ACCEPTABLE)).isEqualTo(203);
        assertThat(custom.deltaFor(ContributionKind.COMMENT, Classification.HIGH)).isEqualTo(204);
    }

    @Test
    void appliesAutomaticallyAtTheConfidenceThreshold() {
        assertThat(cut.appliesAutomatically(0.85)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8499999, 0.5, 0.0})
    void waitsForAMaintainerBelowTheConfidenceThreshold(double confidence) {
        assertThat(cut.appliesAutomatically(confidence)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8500001, 0.9, 1.0})
    void appliesAutomaticallyAboveTheConfidenceThreshold(double confidence) {
        assertThat(cut.appliesAutomatically(confidence)).isTrue();
    }

    @Test
    void reachesBlacklistAtAndBelowTheThresholdOnly() {
        assertThat(cut.reachesBlacklist(0)).isTrue();
        assertThat(cut.reachesBlacklist(-1)).isTrue();
        assertThat(cut.reachesBlacklist(1)).isFalse();
        assertThat(cut.reachesBlacklist(100)).isFalse();
    }

    @Test
    void reachesBlacklistHonoursACustomThreshold() {
        ScoringPolicy custom = withThresholds(100, 50, 10, 0.85);

        assertThat(custom.reachesBlacklist(9)).isTrue();
        assertThat(custom.reachesBlacklist(10)).isTrue();
        assertThat(custom.reachesBlacklist(11)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 49, 50, 100, Integer.MAX_VALUE})
    void gateShadowClosesABlacklistedContributorWhateverTheCredit(int credit) {
        assertThat(cut.gate(credit, true)).isEqualTo(GateDecision.SHADOW_CLOSE);
    }

    @Test
    void gateClosesJustBelowThePrThreshold() {
        assertThat(cut.gate(49, false)).isEqualTo(GateDecision.CLOSE_BELOW_THRESHOLD);
        assertThat(cut.gate(1, false)).isEqualTo(GateDecision.CLOSE_BELOW_THRESHOLD);
    }

    @Test
    void gateShadowClosesAtOrBelowTheBlacklistThresholdWithoutTheFlag() {
        ScoringPolicy raised = withThresholds(100, 50, 10, 0.85);

        assertThat(cut.gate(0, false)).isEqualTo(GateDecision.SHADOW_CLOSE);
        assertThat(raised.gate(10, false)).isEqualTo(GateDecision.SHADOW_CLOSE);
        assertThat(raised.gate(11, false)).isEqualTo(GateDecision.CLOSE_BELOW_THRESHOLD);
    }

    @Test
    void gateAllowsAtAndAboveThePrThreshold() {
        assertThat(cut.gate(50, false)).isEqualTo(GateDecision.ALLOW);
        assertThat(cut.gate(51, false)).isEqualTo(GateDecision.ALLOW);
        assertThat(cut.gate(100, false)).isEqualTo(GateDecision.ALLOW);
    }

    @Test
    void gateHonoursACustomPrThreshold() {
        ScoringPolicy custom = withThresholds(100, 80, 0, 0.85);

        assertThat(custom.gate(79, false)).isEqualTo(GateDecision.CLOSE_BELOW_THRESHOLD);
        assertThat(custom.gate(80, false)).isEqualTo(GateDecision.ALLOW);
    }

    @Test
    void constructorRejectsNegativeStartingCredit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withThresholds(-1, 50, 0, 0.85))
                .withMessageContaining("-1");
    }

    @Test
    void constructorAcceptsZeroStartingCredit() {
        assertThat(withThresholds(0, 50, 0, 0.85).startingCredit()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, -1.0, 1.01, 2.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void constructorRejectsConfidenceOutsideZeroToOne(double confidence) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withThresholds(100, 50, 0, confidence))
                .withMessageContaining("confidence");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void constructorAcceptsConfidenceWithinZeroToOne(double confidence) {
        assertThatNoException().isThrownBy(() -> withThresholds(100, 50, 0, confidence));
    }

    @Test
    void constructorRejectsNaNConfidence() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withThresholds(100, 50, 0, Double.NaN));
    }
}
