package io.meritocrab.evaluation;

/** Which evaluator produced an evaluation, kept with the evaluation for maintainers to see. */
public record EvaluatorIdentity(String provider, String model, String promptVersion) {
}
