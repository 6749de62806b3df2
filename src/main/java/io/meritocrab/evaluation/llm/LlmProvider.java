package io.meritocrab.evaluation.llm;

import java.util.Locale;

/** The evaluators `meritocrab.llm.provider` can name, with what each needs by default. */
public enum LlmProvider {
    RULES("rules", null, null),
    ANTHROPIC("anthropic", "https://api.anthropic.com", "claude-haiku-4-5"),
    OPENAI("openai", "https://api.openai.com/v1", "gpt-4.1-mini"),
    /** Any server speaking OpenAI's Chat Completions (Ollama, vLLM, Azure OpenAI): base URL and model required. */
    OPENAI_COMPATIBLE("openai-compatible", null, null);

    private final String configName;
    private final String defaultBaseUrl;
    private final String defaultModel;

    LlmProvider(String configName, String defaultBaseUrl, String defaultModel) {
        this.configName = configName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    public String configName() {
        return configName;
    }

    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    String defaultModel() {
        return defaultModel;
    }

    public static LlmProvider of(String configName) {
        String wanted = configName == null ? "" : configName.strip().toLowerCase(Locale.ROOT);
        for (LlmProvider provider : values()) {
            if (provider.configName.equals(wanted)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown LLM provider '" + configName
                + "' (meritocrab.llm.provider: rules, anthropic, openai or openai-compatible)");
    }
}
