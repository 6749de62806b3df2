package io.meritocrab.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void removesHtmlCommentsIncludingAnUnclosedOne() {
        assertThat(Markdown.withoutHtmlComments("a<!-- x -->b<!-- y")).isEqualTo("ab");
    }

    @Test
    void removesFencedCodeAndDetectsIt() {
        String text = "before\n```java\ncode();\n```\nafter";

        assertThat(Markdown.withoutFencedCode(text)).isEqualTo("before\nafter\n");
        assertThat(Markdown.hasFencedCode(text)).isTrue();
        assertThat(Markdown.hasFencedCode("```\nunclosed")).isFalse();
    }

    @Test
    void recognisesAnUnfilledTemplate() {
        String template = "<!-- Thanks for contributing! -->\n## Summary\n**Related issue:**\nCloses # (issue)\n"
                + "- [ ] I ran the tests\n---\n-\n";

        assertThat(Markdown.isTemplateOnly(template)).isTrue();
        assertThat(Markdown.isTemplateOnly("<!-- only a comment -->")).isTrue();
    }

    @Test
    void aFilledTemplateOrPlainTextIsNotTemplateOnly() {
        assertThat(Markdown.isTemplateOnly("## Summary\nFixes the crash on startup.")).isFalse();
        assertThat(Markdown.isTemplateOnly("- [x] I ran the tests")).isFalse();
        assertThat(Markdown.isTemplateOnly("#42 is fixed by this")).isFalse();
        assertThat(Markdown.isTemplateOnly("   ")).isFalse();
    }
}
