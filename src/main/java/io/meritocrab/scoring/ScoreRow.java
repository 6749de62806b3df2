package io.meritocrab.scoring;

import io.meritocrab.evaluation.Classification;

/** Credit deltas for one evaluated event, one per classification. */
public record ScoreRow(int spam, int low, int acceptable, int high) {

    public int deltaFor(Classification classification) {
        return switch (classification) {
            case SPAM -> spam;
            case LOW -> low;
            case ACCEPTABLE -> acceptable;
            case HIGH -> high;
        };
    }
}
