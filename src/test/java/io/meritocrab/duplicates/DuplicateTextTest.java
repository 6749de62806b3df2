package io.meritocrab.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the text half of the check compares, and what a duplicate's evaluation says. */
class DuplicateTextTest {

    @Test
    void aShortDescriptionDoesNotTakePartInTheTextMatch() {
        assertThat(PullRequestFingerprints.textFingerprint("hash", "Fixes #12")).isNull();
        assertThat(PullRequestFingerprints.textFingerprint("hash", null)).isNull();
        assertThat(PullRequestFingerprints.textFingerprint("hash", "  " + "word ".repeat(10) + "\n\n\n  ")).isNull();
    }

    @Test
    void aDescriptionOfEightyCharactersOrMoreDoes() {
        assertThat(PullRequestFingerprints.textFingerprint("hash", "x".repeat(80))).isEqualTo("hash");
        assertThat(PullRequestFingerprints.textFingerprint("hash", "word ".repeat(17))).isEqualTo("hash");
    }

    @Test
    void theReasoningNamesTheEarlierPullRequestItsAuthorAndWhatWasTheSame() {
        assertThat(DuplicateVerdicts.reasoning(new PullRequestFingerprints.Match(7, "alice", null, "change")))
                .startsWith("Duplicate of #7 by @alice (the same change)");
        assertThat(DuplicateVerdicts.reasoning(new PullRequestFingerprints.Match(7, "alice", null, "text")))
                .startsWith("Duplicate of #7 by @alice (the same title and description)");
    }
}
