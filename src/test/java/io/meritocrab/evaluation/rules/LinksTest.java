package io.meritocrab.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void countsOffGitHubLinksWithAndWithoutScheme() {
        Links.Count count = Links.count("a https://Example.com/x b http://www.other.org c www.third.net/d.");

        assertThat(count).isEqualTo(new Links.Count(3, 0));
    }

    @Test
    void ignoresGitHubLinksAndNonWebSchemes() {
        Links.Count count = Links.count("https://github.com/o/r/pull/1 https://raw.githubusercontent.com/o/r/f "
                + "ftp://files.example.com mailto:someone@www.example.com");

        assertThat(count).isEqualTo(new Links.Count(0, 0));
    }

    @Test
    void countsShortenedLinksAmongExternalOnes() {
        assertThat(Links.count("[here](https://bit.ly/abc) and https://tinyurl.com/x"))
                .isEqualTo(new Links.Count(2, 2));
    }

    @Test
    void recognisesIssueReferences() {
        assertThat(Links.referencesIssue("Fixes #12")).isTrue();
        assertThat(Links.referencesIssue("see https://github.com/o/r/issues/7")).isTrue();
        assertThat(Links.referencesIssue("C#9 and &#123; and issue #")).isFalse();
    }

    @Test
    void staysFastOnManyLinkLikeFragments() {
        String text = "www.".repeat(16 * 1024) + "://".repeat(16 * 1024);

        long start = System.nanoTime();
        Links.count(text);

        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}
