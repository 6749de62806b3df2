package io.meritocrab.evaluation;

import java.util.Objects;

/** What an evaluator concluded about one contribution. */
public record Verdict(Classification classification, double confidence, String reasoning) {

    public Verdict {
        Objects.requireNonNull(classification, "classification");
        if (Double.isNaN(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
        reasoning = reasoning == null ? "" : reasoning;
    }
}
