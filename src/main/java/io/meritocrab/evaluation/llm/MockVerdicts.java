package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.Verdict;
import java.util.Locale;
import java.util.Optional;

/**
 * The `mock` provider of the original meritocrab, for trials: no model is called, and every
 * contribution gets the same verdict, the configured `default_classification` (here
 * `meritocrab.llm.default-classification`; `acceptable` when unset) with confidence 0.95, so it is
 * applied like a sure model answer.
 */
public final class MockVerdicts {

    public static final double CONFIDENCE = 0.95;

    private MockVerdicts() {
    }

    public static Verdict verdict(Optional<String> defaultClassification) {
        Classification classification = classification(defaultClassification);
        return new Verdict(classification, CONFIDENCE,
                "Mock evaluation: " + classification.name().toLowerCase(Locale.ROOT) + " (no model was asked)");
    }

    /**
     * The classification a `default_classification` names, in the original's spellings (`spam`, `low`
     * or `low_quality`, `acceptable`, `high` or `high_quality`, any case).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Classification classification(Optional<String> defaultClassification) {
        String name = defaultClassification.map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse("acceptable");
        return switch (name) {
            case "spam" -> Classification.SPAM;
            case "low", "low_quality" -> Classification.LOW;
            case "acceptable" -> Classification.ACCEPTABLE;
            case "high", "high_quality" -> Classification.HIGH;
            default -> throw new IllegalArgumentException("meritocrab.llm.default-classification '" + name
                    + "' is not spam, low, acceptable or high");
        };
    }
}
