package io.meritocrab.standing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.scoring.ScoringPolicy;
import org.junit.jupiter.api.Test;

class EarningRuleTest {

    @Test
    void theRowsAreTheRepositorysScoringTableByHowAContributionIsJudged() {
        assertThat(EarningRule.of(ScoringPolicy.defaults())).containsExactly(
                new EarningRule("A pull request", 15, 5, -5),
                new EarningRule("A comment", 3, 1, -2),
                new EarningRule("A merged pull request", 20, 20, 0),
                new EarningRule("A review", 5, 5, 0));
    }
}
