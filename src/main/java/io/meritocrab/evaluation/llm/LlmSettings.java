package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.EvaluatorIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The LLM settings, read when they are used rather than once, so that a value changed in a dynamic
 * configuration source (a `<variable>` in Liberty's server.xml) takes effect without a restart.
 * Environment variables are read at start by the JVM, as ever.
 */
@ApplicationScoped
public class LlmSettings {

    @Inject
    Config config;

    public LlmProvider provider() {
        return LlmProvider.of(text("meritocrab.llm.provider").orElse("rules"));
    }

    /** The provider as configured, when it is one of the original meritocrab's names: what it stands for. */
    public Optional<String> providerAliasNote() {
        return text("meritocrab.llm.provider").flatMap(LlmProvider::aliasNote);
    }

    /** The `mock` provider's classification (the original's `default_classification`), as configured. */
    public Optional<String> defaultClassification() {
        return text("meritocrab.llm.default-classification");
    }

    /** Provider, model and prompt version of the model evaluations made with the current settings. */
    public EvaluatorIdentity identity() {
        LlmProvider provider = provider();
        return new EvaluatorIdentity(provider.configName(), model(provider), EvaluationPrompt.VERSION);
    }

    public String model(LlmProvider provider) {
        if (provider == LlmProvider.MOCK) {
            return provider.defaultModel();
        }
        return text("meritocrab.llm.model").or(() -> Optional.ofNullable(provider.defaultModel()))
                .orElseThrow(() -> new IllegalStateException("meritocrab.llm.model (MERITOCRAB_LLM_MODEL) is "
                        + "required for provider " + provider.configName()));
    }

    public URI baseUrl(LlmProvider provider) {
        String url = text("meritocrab.llm.base-url").or(() -> Optional.ofNullable(provider.defaultBaseUrl()))
                .orElseThrow(() -> new IllegalStateException("meritocrab.llm.base-url (MERITOCRAB_LLM_BASE_URL) is "
                        + "required for provider " + provider.configName()));
        return URI.create(url.replaceAll("/+$", ""));
    }

    Optional<String> apiKey() {
        return text("meritocrab.llm.api-key");
    }

    /** `Authorization` (a bearer token) or `api-key` (Azure OpenAI); OpenAI protocol only. */
    boolean keyInApiKeyHeader() {
        return "api-key".equalsIgnoreCase(text("meritocrab.llm.api-key-header").orElse("Authorization"));
    }

    int maxOutputTokens() {
        return config.getOptionalValue("meritocrab.llm.max-output-tokens", Integer.class).orElse(400);
    }

    public int maxDiffBytes() {
        return config.getOptionalValue("meritocrab.llm.max-diff-bytes", Integer.class).orElse(20_000);
    }

    int timeoutMillis() {
        return config.getOptionalValue("meritocrab.llm.timeout-ms", Integer.class).orElse(30_000);
    }

    /**
     * How long a server keeps a request leased: the longest one evaluation can take (two answers, each
     * with every retry running into the timeout), plus a margin. A request left by a server that died
     * is taken up again after it.
     */
    public Duration lease() {
        int calls = config.getOptionalValue("meritocrab.llm.retries", Integer.class).orElse(2) + 1;
        long retryDelay = config.getOptionalValue("meritocrab.llm.retry-delay-ms", Long.class).orElse(1000L);
        long oneAnswer = calls * (timeoutMillis() + ModelClients.READ_TIMEOUT_MARGIN_MILLIS + retryDelay);
        return Duration.ofMillis(2 * oneAnswer).plusMinutes(1);
    }

    /** Model evaluations per repository per UTC day; beyond it the rules decide. */
    int dailyCap() {
        return config.getOptionalValue("meritocrab.llm.daily-cap", Integer.class).orElse(1000);
    }

    boolean rulesFirst() {
        return config.getOptionalValue("meritocrab.llm.rules-first", Boolean.class).orElse(true);
    }

    double rulesFirstConfidence() {
        return config.getOptionalValue("meritocrab.llm.rules-first-confidence", Double.class).orElse(0.95);
    }

    /** Threads calling the model; each holds one leased request at a time. */
    public int workers() {
        return config.getOptionalValue("meritocrab.llm.workers", Integer.class).orElse(4);
    }

    /** How often one request may be handed to the provider (rate limits, busy) before a maintainer gets it. */
    public int maxAttempts() {
        return config.getOptionalValue("meritocrab.llm.max-attempts", Integer.class).orElse(5);
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
