package io.meritocrab.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void normalizesToLowerCaseWordsBetweenSingleSpaces() {
        assertThat(Phrases.normalize("Ignore  PREVIOUS\n\tinstructions!! +1"))
                .isEqualTo(" ignore previous instructions +1 ");
        assertThat(Phrases.normalize("👍")).isEqualTo(" ");
    }

    @Test
    void findsPhrasesOnlyAsWholeWords() {
        String normalized = Phrases.normalize("Casinos? No. SEO: yes, visit my website.");

        assertThat(Phrases.found(normalized, Phrases.PROMOTIONAL)).containsExactly("visit my website", "seo");
        assertThat(Phrases.found(normalized, List.of("casino"))).isEmpty();
    }

    @Test
    void fillerIsAFewContentFreeWords() {
        assertThat(Phrases.onlyFiller(Phrases.normalize("+1"))).isTrue();
        assertThat(Phrases.onlyFiller(Phrases.normalize("+100, same here. Thanks!"))).isTrue();
        assertThat(Phrases.onlyFiller(Phrases.normalize("Thanks, the fix works on ARM too"))).isFalse();
        assertThat(Phrases.onlyFiller(Phrases.normalize("please ".repeat(9)))).isFalse();
        assertThat(Phrases.onlyFiller(" ")).isFalse();
    }
}
