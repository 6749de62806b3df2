package io.meritocrab.evaluation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmProviderTest {

    @Test
    void namesAreTheConfigurationValues() {
        assertThat(LlmProvider.of("rules")).isEqualTo(LlmProvider.RULES);
        assertThat(LlmProvider.of(" Anthropic ")).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(LlmProvider.of("openai")).isEqualTo(LlmProvider.OPENAI);
        assertThat(LlmProvider.of("openai-compatible")).isEqualTo(LlmProvider.OPENAI_COMPATIBLE);
        assertThat(LlmProvider.of("mock")).isEqualTo(LlmProvider.MOCK);
    }

    @Test
    void theOriginalsClaudeIsAnthropicAndSaysSo() {
        assertThat(LlmProvider.of("claude")).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(LlmProvider.aliasNote(" Claude")).contains("'claude' is the original meritocrab's name for anthropic");
        assertThat(LlmProvider.aliasNote("anthropic")).isEmpty();
    }

    @Test
    void theMockGivesItsDefaultClassificationInTheOriginalsSpellings() {
        assertThat(MockVerdicts.verdict(Optional.of("high_quality")))
                .isEqualTo(new Verdict(Classification.HIGH, 0.95, "Mock evaluation: high (no model was asked)"));
        assertThat(MockVerdicts.classification(Optional.of("Low_Quality"))).isEqualTo(Classification.LOW);
        assertThat(MockVerdicts.classification(Optional.of("spam"))).isEqualTo(Classification.SPAM);
        assertThat(MockVerdicts.classification(Optional.empty())).isEqualTo(Classification.ACCEPTABLE);
        assertThatThrownBy(() -> MockVerdicts.classification(Optional.of("great")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("great");
    }

    @Test
    void unknownProviderIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> LlmProvider.of("gemini")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gemini").hasMessageContaining("openai-compatible");
    }

    @Test
    void onlyTheHostedProvidersHaveDefaults() {
        assertThat(LlmProvider.ANTHROPIC.defaultBaseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(LlmProvider.OPENAI.defaultBaseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(LlmProvider.OPENAI_COMPATIBLE.defaultBaseUrl()).isNull();
        assertThat(LlmProvider.OPENAI_COMPATIBLE.defaultModel()).isNull();
    }
}
