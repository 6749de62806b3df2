package io.meritocrab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SanctionStepsTest {

    private final SanctionSteps cut = new SanctionSteps(List.of("7d", "30d", "permanent"));

    @Test
    void eachOffenceTakesTheNextStepAndThePastTheLastRepeatsIt() {
        assertThat(cut.next(0)).isEqualTo(new SanctionSteps.Step(1, 3, Optional.of(Duration.ofDays(7))));
        assertThat(cut.next(1)).isEqualTo(new SanctionSteps.Step(2, 3, Optional.of(Duration.ofDays(30))));
        assertThat(cut.next(2).permanent()).isTrue();
        assertThat(cut.next(7)).isEqualTo(new SanctionSteps.Step(3, 3, Optional.empty()));
    }

    @Test
    void theDefaultIsTheOriginalsPermanentBlacklist() {
        assertThat(SanctionSteps.permanent().next(0).permanent()).isTrue();
        assertThat(SanctionSteps.permanent().next(0)).hasToString("sanction step 1 of 1 (permanent)");
        assertThat(ScoringPolicy.defaults().sanctions()).isEqualTo(SanctionSteps.permanent());
    }

    @Test
    void everyUnitIsReadAndDescribed() {
        SanctionSteps steps = new SanctionSteps(List.of("10s", "30m", "12h", "1d"));

        assertThat(steps.next(0).length()).contains(Duration.ofSeconds(10));
        assertThat(steps.next(0)).hasToString("sanction step 1 of 4 (10 seconds)");
        assertThat(steps.next(1)).hasToString("sanction step 2 of 4 (30 minutes)");
        assertThat(steps.next(2)).hasToString("sanction step 3 of 4 (12 hours)");
        assertThat(steps.next(3)).hasToString("sanction step 4 of 4 (1 day)");
    }

    @Test
    void onlyPositiveDurationsAndPermanentAreSteps() {
        assertThat(SanctionSteps.valid("7d")).isTrue();
        assertThat(SanctionSteps.valid("permanent")).isTrue();
        assertThat(SanctionSteps.valid("0d")).isFalse();
        assertThat(SanctionSteps.valid("7 d")).isFalse();
        assertThat(SanctionSteps.valid("1w")).isFalse();
        assertThat(SanctionSteps.valid("Permanent")).isFalse();
        assertThatThrownBy(() -> new SanctionSteps(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SanctionSteps(List.of("forever"))).isInstanceOf(IllegalArgumentException.class);
    }
}
