package io.meritocrab.evaluation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmProviderTest {

    @Test
    void namesAreTheConfigurationValues() {
        assertThat(LlmProvider.of("rules")).isEqualTo(LlmProvider.RULES);
        assertThat(LlmProvider.of(" Anthropic ")).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(LlmProvider.of("openai")).isEqualTo(LlmProvider.OPENAI);
        assertThat(LlmProvider.of("openai-compatible")).isEqualTo(LlmProvider.OPENAI_COMPATIBLE);
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
