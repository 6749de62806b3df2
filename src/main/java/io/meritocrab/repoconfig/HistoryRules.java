package io.meritocrab.repoconfig;

/**
 * `[history]`: whether a contributor's public record elsewhere on GitHub adjusts their starting credit in
 * this repository, and by at most how much up ({@code maxBonus}) or down ({@code maxPenalty}). Off by
 * default, so a repository that sets nothing behaves as the original.
 */
public record HistoryRules(boolean enabled, int maxBonus, int maxPenalty) {

    public static final int DEFAULT_MAX_BONUS = 20;
    public static final int DEFAULT_MAX_PENALTY = 20;
    /** The most one record may move the credit either way. */
    public static final int MAX_BOUND = 1000;

    public HistoryRules {
        if (maxBonus < 0 || maxBonus > MAX_BOUND || maxPenalty < 0 || maxPenalty > MAX_BOUND) {
            throw new IllegalArgumentException("bounds must be between 0 and " + MAX_BOUND);
        }
    }

    public static HistoryRules off() {
        return new HistoryRules(false, DEFAULT_MAX_BONUS, DEFAULT_MAX_PENALTY);
    }
}
