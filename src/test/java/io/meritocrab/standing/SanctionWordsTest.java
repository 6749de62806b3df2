package io.meritocrab.standing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanctionWordsTest {

    @Test
    void anOrdinaryReasonIsShownAsWritten() {
        assertThat(SanctionWords.withheld("pull request #4: tidy fix")).isEqualTo("pull request #4: tidy fix");
    }

    @Test
    void aReasonThatNamesASanctionInAnySpellingIsWithheldWhole() {
        for (String text : new String[] {"Blacklisted for spam", "BLACK-LIST next time", "shadow closed",
                "sanctioned by the org", "on the black list"}) {
            assertThat(SanctionWords.withheld(text)).as(text).isEqualTo(SanctionWords.WITHHELD);
        }
    }

    @Test
    void noReasonStaysNone() {
        assertThat(SanctionWords.withheld(null)).isNull();
    }
}
