package io.meritocrab.evaluation.llm;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluators `meritocrab.llm.provider` can name, with what each needs by default. The original
 * meritocrab's names are accepted too, so that its configuration carries over: `claude` is
 * {@link #ANTHROPIC}, and `mock` is its deterministic evaluator for trials.
 */
public enum LlmProvider {
    RULES("rules", null, null),
    ANTHROPIC("anthropic", "https://api.anthropic.com", "claude-haiku-4-5"),
    OPENAI("openai", "https://api.openai.com/v1", "gpt-4.1-mini"),
    /** Any server speaking OpenAI's Chat Completions (Ollama, vLLM, Azure OpenAI): base URL and model required. */
    OPENAI_COMPATIBLE("openai-compatible", null, null),
    /** Calls nothing: every contribution gets `meritocrab.llm.default-classification` (see {@link MockVerdicts}). */
    MOCK("mock", null, "mock");

    /** The original meritocrab's provider names that differ from this server's. */
    private static final Map<String, LlmProvider> ALIASES = Map.of("claude", ANTHROPIC);

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
        String wanted = normalized(configName);
        if (ALIASES.containsKey(wanted)) {
            return ALIASES.get(wanted);
        }
        for (LlmProvider provider : values()) {
            if (provider.configName.equals(wanted)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown LLM provider '" + configName
                + "' (meritocrab.llm.provider: rules, anthropic, openai, openai-compatible or mock; claude for anthropic)");
    }

    /** When {@code configName} is one of the original's aliases, a sentence saying what it stands for. */
    public static Optional<String> aliasNote(String configName) {
        String name = normalized(configName);
        return Optional.ofNullable(ALIASES.get(name)).map(provider -> "'" + name
                + "' is the original meritocrab's name for " + provider.configName());
    }

    private static String normalized(String configName) {
        return configName == null ? "" : configName.strip().toLowerCase(Locale.ROOT);
    }
}
