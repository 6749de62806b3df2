package io.meritocrab.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppealStatusTest {

    @Test
    void aStatusIsNamedInAnyCaseAndAnUnknownNameIsNone() {
        assertThat(AppealStatus.named(" Reversed ")).isEqualTo(AppealStatus.REVERSED);
        assertThat(AppealStatus.named("open")).isEqualTo(AppealStatus.OPEN);
        assertThat(AppealStatus.named("pending")).isNull();
        assertThat(AppealStatus.named(null)).isNull();
    }

    @Test
    void theLabelIsTheNameAsTheApiWritesIt() {
        assertThat(AppealStatus.UPHELD.label()).isEqualTo("upheld");
    }
}
