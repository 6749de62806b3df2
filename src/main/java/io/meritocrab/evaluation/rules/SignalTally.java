package io.meritocrab.evaluation.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules found in one contribution: the summed weights of spam, low-effort and quality signals,
 * and a short explanation of each signal that fired, in the order the rules ran so that the same
 * contribution always gets the same reasoning.
 */
final class SignalTally {

    private double spam;
    private double lowEffort;
    private double quality;
    private final List<String> concerns = new ArrayList<>();
    private final List<String> strengths = new ArrayList<>();

    void addSpam(double weight, String reason) {
        spam += weight;
        concerns.add(reason);
    }

    void addLowEffort(double weight, String reason) {
        lowEffort += weight;
        concerns.add(reason);
    }

    void addQuality(double weight, String reason) {
        quality += weight;
        strengths.add(reason);
    }

    double spam() {
        return spam;
    }

    double lowEffort() {
        return lowEffort;
    }

    double quality() {
        return quality;
    }

    boolean hasConcerns() {
        return !concerns.isEmpty();
    }

    boolean hasStrengths() {
        return !strengths.isEmpty();
    }

    /** The concerns that fired, joined into one sentence. */
    String concernsSentence() {
        return String.join("; ", concerns);
    }

    /** The strengths that fired, joined into one sentence. */
    String strengthsSentence() {
        return String.join("; ", strengths);
    }
}
