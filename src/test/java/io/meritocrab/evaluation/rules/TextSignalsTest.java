package io.meritocrab.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSignalsTest {

    @Test
    void countsWordsWithLettersOrDigitsAndTreatsAUrlAsOneWord() {
        TextSignals cut = TextSignals.of("See https://example.com/a?b=c -- now 👍");

        assertThat(cut.words()).isEqualTo(3);
    }

    @Test
    void countsSentencesOutsideCode() {
        TextSignals cut = TextSignals.of("One. Two! Three? Like this:\n```\nfoo. bar. baz.\n```\nv1.2 is fine");

        assertThat(cut.sentences()).isEqualTo(4);
    }

    @Test
    void capsTextAtTheScanLimitWithoutSplittingASurrogatePair() {
        String text = "a".repeat(TextSignals.MAX_SCANNED_CHARS - 1) + "😀" + "tail";

        String capped = TextSignals.capped(text);

        assertThat(capped).hasSize(TextSignals.MAX_SCANNED_CHARS - 1);
        assertThat(TextSignals.capped(null)).isEmpty();
        assertThat(TextSignals.capped("short")).isEqualTo("short");
    }

    @Test
    void detectsJavaAndPythonStackTraces() {
        String java = "Exception in thread \"main\" java.lang.NullPointerException\n"
                + "    at a.B.c(B.java:12)\n    at a.D.e(D.java:34)\n";
        String python = "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n";

        assertThat(TextSignals.of(java).hasStackTrace()).isTrue();
        assertThat(TextSignals.of(python).hasStackTrace()).isTrue();
        assertThat(TextSignals.of("We met at the office (downstairs)").hasStackTrace()).isFalse();
    }

    @Test
    void detectsShoutingOnlyWithEnoughMostlyUppercaseLetters() {
        assertThat(TextSignals.of("THIS IS BROKEN AND NOBODY CARES ABOUT IT").isShouting()).isTrue();
        assertThat(TextSignals.of("OK").isShouting()).isFalse();
        assertThat(TextSignals.of("Use HTTP_PROXY and NO_PROXY to configure the proxy settings").isShouting())
                .isFalse();
    }

    @Test
    void tellsEmojiOnlyFromBlankAndFromFiller() {
        assertThat(TextSignals.of("🎉🎉").hasNoWords()).isTrue();
        assertThat(TextSignals.of("  ").hasNoWords()).isFalse();
        assertThat(TextSignals.of("  ").blank()).isTrue();
        assertThat(TextSignals.of("Any update on this?").isOnlyFiller()).isTrue();
        assertThat(TextSignals.of("Any update on the Windows build?").isOnlyFiller()).isFalse();
    }

    @Test
    void detectsInlineAndFencedCode() {
        assertThat(TextSignals.of("Call `reset()` first").hasInlineCode()).isTrue();
        assertThat(TextSignals.of("it's a `").hasInlineCode()).isFalse();
        assertThat(TextSignals.of("```\ncode\n```").hasFencedCode()).isTrue();
    }
}
