package io.meritocrab.startup;

import io.meritocrab.evaluation.llm.LlmProvider;
import io.meritocrab.evaluation.llm.MockVerdicts;
import io.meritocrab.github.AppPrivateKey;
import io.meritocrab.processing.PayloadRetention;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings the server cannot run without, checked before it serves. Outside the embedded default
 * (a database URL is set) the webhook secret and the GitHub App's id and private key are required;
 * whatever is set must be well formed. Problems name the environment variable, never its value.
 */
public final class SettingsCheck {

    /** The values as configured; empty when unset. */
    public record Settings(boolean embeddedDefault, Optional<String> webhookSecret, Optional<String> appId,
                           Optional<String> privateKey, Optional<String> llmProvider, Optional<String> llmApiKey, Optional<String> llmBaseUrl,
                           Optional<String> payloadAge, Optional<String> llmDefaultClassification) {
    }

    private SettingsCheck() {
    }

    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        boolean required = !settings.embeddedDefault();
        if (required && blank(settings.webhookSecret())) {
            problems.add("MERITOCRAB_GITHUB_WEBHOOK_SECRET is not set");
        }
        if (blank(settings.appId())) {
            if (required) {
                problems.add("MERITOCRAB_GITHUB_APP_ID is not set");
            }
        } else if (!settings.appId().get().trim().matches("[1-9][0-9]{0,18}")) {
            problems.add("MERITOCRAB_GITHUB_APP_ID is not a GitHub App id (a positive number)");
        }
        if (blank(settings.privateKey())) {
            if (required) {
                problems.add("MERITOCRAB_GITHUB_PRIVATE_KEY is not set");
            }
        } else {
            try {
                AppPrivateKey.parse(settings.privateKey().get());
            } catch (IllegalArgumentException e) {
                problems.add("MERITOCRAB_GITHUB_PRIVATE_KEY: " + e.getMessage());
            } catch (RuntimeException e) {
                // Damaged base64 fails inside the PEM parser with an unchecked exception of its own.
                problems.add("MERITOCRAB_GITHUB_PRIVATE_KEY: the GitHub App private key is damaged PEM");
            }
        }
        llmProblem(settings).ifPresent(problems::add);
        settings.payloadAge().filter(age -> !validAge(age))
                .ifPresent(age -> problems.add("MERITOCRAB_RETENTION_PAYLOAD_AGE is not an ISO-8601 period or "
                        + "duration (e.g. P30D)"));
        return problems;
    }

    private static Optional<String> llmProblem(Settings settings) {
        LlmProvider provider;
        try {
            provider = LlmProvider.of(settings.llmProvider().orElse("rules"));
        } catch (IllegalArgumentException e) {
            return Optional.of("MERITOCRAB_LLM_PROVIDER is not one of rules, anthropic, openai, openai-compatible, "
                    + "mock (or the original's claude)");
        }
        if ((provider == LlmProvider.ANTHROPIC || provider == LlmProvider.OPENAI) && blank(settings.llmApiKey())
                && blank(settings.llmBaseUrl())) {
            return Optional.of("MERITOCRAB_LLM_API_KEY is not set (the LLM provider " + provider.configName()
                    + " needs it)");
        }
        if (provider == LlmProvider.MOCK) {
            try {
                MockVerdicts.classification(settings.llmDefaultClassification().filter(v -> !v.isBlank()));
            } catch (IllegalArgumentException e) {
                return Optional.of("MERITOCRAB_LLM_DEFAULT_CLASSIFICATION is not spam, low, acceptable or high");
            }
        }
        return Optional.empty();
    }

    private static boolean validAge(String age) {
        try {
            return !PayloadRetention.parseAge(age).isNegative();
        } catch (DateTimeParseException | ArithmeticException e) {
            return false;
        }
    }

    private static boolean blank(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isEmpty();
    }
}
