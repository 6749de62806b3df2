package io.meritocrab.evaluation;

/** How an evaluator judges a contribution, worst first. */
public enum Classification {
    SPAM, LOW, ACCEPTABLE, HIGH
}
