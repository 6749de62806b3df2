package io.meritocrab.events;

import io.meritocrab.evaluation.Evaluation;

/** How a delivery's outcome names the evaluation it led to. */
final class Outcomes {

    private Outcomes() {
    }

    static String evaluation(Evaluation evaluation) {
        return evaluation.classification() == null
                ? "evaluation " + evaluation.status() + " (waiting for the model)"
                : "evaluated " + evaluation.classification() + " " + evaluation.status();
    }
}
