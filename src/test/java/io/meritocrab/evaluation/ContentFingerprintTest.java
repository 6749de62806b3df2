package io.meritocrab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    @Test
    void isSixtyFourLowercaseHexCharacters() {
        assertThat(ContentFingerprint.of("Title", "Body")).matches("[0-9a-f]{64}");
        assertThat(ContentFingerprint.of("", "")).matches("[0-9a-f]{64}");
    }

    @Test
    void isTheSha256OfTheNormalisedText() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest("fix the build\u0000please".getBytes(StandardCharsets.UTF_8));

        assertThat(ContentFingerprint.of("  Fix the BUILD ", "\tplease\n"))
                .isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void ignoresCase() {
        assertThat(ContentFingerprint.of("Add Feature X", "Please MERGE this."))
                .isEqualTo(ContentFingerprint.of("add feature x", "please merge this."));
    }

    @Test
    void ignoresWhitespaceDifferences() {
        String reference = ContentFingerprint.of("Add feature", "Line one\nline two");

        assertThat(ContentFingerprint.of("  Add   feature  ", "Line one\r\n\r\n  line two\t")).isEqualTo(reference);
        assertThat(ContentFingerprint.of("Add\tfeature", " Line\u000Bone line\fTWO")).isEqualTo(reference);
    }

    @Test
    void isStableAcrossCalls() {
        assertThat(ContentFingerprint.of("t", "b")).isEqualTo(ContentFingerprint.of("t", "b"));
    }

    @Test
    void differentTextGivesADifferentHash() {
        String reference = ContentFingerprint.of("Add feature", "Line one");

        assertThat(ContentFingerprint.of("Add feature", "Line two")).isNotEqualTo(reference);
        assertThat(ContentFingerprint.of("Add features", "Line one")).isNotEqualTo(reference);
        assertThat(ContentFingerprint.of("Add feature", "Line one.")).isNotEqualTo(reference);
        assertThat(ContentFingerprint.of("Addfeature", "Line one")).isNotEqualTo(reference);
    }

    @Test
    void whitespaceIsCollapsedNotRemoved() {
        assertThat(ContentFingerprint.of("", "foo bar")).isNotEqualTo(ContentFingerprint.of("", "foobar"));
    }

    @Test
    void emptyTextHasAFingerprintOfItsOwn() {
        assertThat(ContentFingerprint.of("", "")).isNotEqualTo(ContentFingerprint.of("", "x"));
    }

    @Test
    void titleAndBodyStaySeparate() {
        assertThat(ContentFingerprint.of("a b", "c")).isNotEqualTo(ContentFingerprint.of("a", "b c"));
    }

    @Test
    void missingTextCountsAsEmpty() {
        assertThat(ContentFingerprint.of(null, null)).isEqualTo(ContentFingerprint.of("", ""));
        assertThat(ContentFingerprint.of(null, "x")).isNotEqualTo(ContentFingerprint.of("null", "x"));
    }
}
