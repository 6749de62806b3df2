package io.meritocrab.evaluation;

/**
 * Judges a contribution. The built-in rules evaluator is one implementation; LLM providers plug in
 * behind the same seam.
 */
public interface Evaluator {

    /** Provider, model and prompt version, recorded with every evaluation this evaluator makes. */
    EvaluatorIdentity identity();

    Verdict evaluate(Contribution contribution);
}
