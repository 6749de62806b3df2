package io.meritocrab.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignalTallyTest {

    private final SignalTally cut = new SignalTally();

    @Test
    void sumsWeightsPerKindAndKeepsReasonsInOrder() {
        cut.addSpam(0.25, "promotional wording");
        cut.addLowEffort(0.4, "empty description");
        cut.addSpam(0.35, "shortened link");
        cut.addQuality(0.15, "reasonably sized diff");

        assertThat(cut.spam()).isCloseTo(0.6, within(1e-9));
        assertThat(cut.lowEffort()).isEqualTo(0.4);
        assertThat(cut.quality()).isEqualTo(0.15);
        assertThat(cut.concernsSentence()).isEqualTo("promotional wording; empty description; shortened link");
        assertThat(cut.strengthsSentence()).isEqualTo("reasonably sized diff");
    }

    @Test
    void startsWithoutSignals() {
        assertThat(cut.hasConcerns()).isFalse();
        assertThat(cut.hasStrengths()).isFalse();
        assertThat(cut.concernsSentence()).isEmpty();
    }
}
