package io.meritocrab.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClosingIssuesTest {

    private static final String REPO = "acme/widgets";

    @Test
    void everyClosingKeywordInAnyTenseAndCase() {
        assertThat(ClosingIssues.in("Closes #1, fixes #2 and RESOLVES #3", REPO)).containsExactly(1, 2, 3);
        assertThat(ClosingIssues.in("close #4\nfix #5\nresolve #6", REPO)).containsExactly(4, 5, 6);
        assertThat(ClosingIssues.in("closed #7; fixed #8; resolved #9", REPO)).containsExactly(7, 8, 9);
        assertThat(ClosingIssues.in("Fixes: #12", REPO)).containsExactly(12);
    }

    @Test
    void theSameRepositoryByNameOrUrlCountsAndAnotherDoesNot() {
        assertThat(ClosingIssues.in("Fixes Acme/Widgets#12", REPO)).containsExactly(12);
        assertThat(ClosingIssues.in("Fixes https://github.com/acme/widgets/issues/13", REPO)).containsExactly(13);
        assertThat(ClosingIssues.in("Fixes other/repo#14 and https://github.com/other/repo/issues/15", REPO))
                .isEmpty();
    }

    @Test
    void aMentionWithoutAKeywordOrWithoutTheHashIsNotAClosingReference() {
        assertThat(ClosingIssues.in("See #12; related to #13", REPO)).isEmpty();
        assertThat(ClosingIssues.in("Fixes 12 typos", REPO)).isEmpty();
        assertThat(ClosingIssues.in("prefixes #12 and suffixes #13", REPO)).isEmpty();
        assertThat(ClosingIssues.in("Fixes #12abc", REPO)).isEmpty();
        assertThat(ClosingIssues.in(null, REPO)).isEmpty();
        assertThat(ClosingIssues.in("", REPO)).isEmpty();
    }

    @Test
    void eachIssueOnceAndAtMostFive() {
        assertThat(ClosingIssues.in("Fixes #3. Really fixes #3.", REPO)).containsExactly(3);
        assertThat(ClosingIssues.in("fixes #1 fixes #2 fixes #3 fixes #4 fixes #5 fixes #6", REPO))
                .containsExactly(1, 2, 3, 4, 5);
    }
}
