package io.meritocrab.history;

import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.repoconfig.HistoryRules;

/**
 * Turns a track record into the adjustment of a newcomer's starting credit: +2 for each pull request merged
 * elsewhere, −1 for each closed there without merge, and the full penalty for an account younger than
 * {@link #YOUNG_ACCOUNT_DAYS} days with nothing merged; always within −max_penalty … +max_bonus. An older
 * account with no pull requests at all is told nothing and stays at the starting credit.
 */
public record StartingCreditAdjustment(int delta, String reason) {

    static final int PER_MERGED = 2;
    static final int PER_CLOSED_UNMERGED = 1;
    static final long YOUNG_ACCOUNT_DAYS = 30;

    public static StartingCreditAdjustment of(TrackRecord record, HistoryRules rules) {
        int raw;
        if (record.accountAgeDays() < YOUNG_ACCOUNT_DAYS && record.mergedElsewhere() == 0) {
            raw = -rules.maxPenalty();
        } else {
            long points = (long) PER_MERGED * record.mergedElsewhere()
                    - (long) PER_CLOSED_UNMERGED * record.closedUnmergedElsewhere();
            raw = (int) Math.max(-rules.maxPenalty(), Math.min(rules.maxBonus(), points));
        }
        return new StartingCreditAdjustment(raw, "record elsewhere on GitHub: " + record.summary() + "; starting credit "
                + signed(raw) + " (at most +" + rules.maxBonus() + ", at least -" + rules.maxPenalty() + ")");
    }

    /** GitHub could not tell: nothing changes, and the entry says why. */
    public static StartingCreditAdjustment skipped(String why) {
        return new StartingCreditAdjustment(0, "record elsewhere on GitHub skipped: " + why);
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }
}
