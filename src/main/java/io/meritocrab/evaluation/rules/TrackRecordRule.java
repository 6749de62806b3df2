package io.meritocrab.evaluation.rules;

import io.meritocrab.evaluation.TrackRecord;

/**
 * The author's record elsewhere on GitHub, when the repository opted into `[history]` and the record is
 * known: a young account with nothing merged elsewhere is a weak concern (low-effort 0.10, enough to send an
 * otherwise clean contribution to a maintainer instead of applying it at once), several merged pull requests
 * elsewhere a weak strength (quality 0.10).
 */
final class TrackRecordRule {

    static final long YOUNG_ACCOUNT_DAYS = 30;
    static final int SEASONED_MERGED = 5;
    private static final double WEIGHT = 0.10;

    private TrackRecordRule() {
    }

    static void apply(TrackRecord record, SignalTally tally) {
        if (record == null) {
            return;
        }
        if (record.accountAgeDays() < YOUNG_ACCOUNT_DAYS && record.mergedElsewhere() == 0) {
            tally.addLowEffort(WEIGHT, "account " + record.accountAgeDays() + (record.accountAgeDays() == 1 ? " day"
                    : " days") + " old, no merged pull request elsewhere");
        } else if (record.mergedElsewhere() >= SEASONED_MERGED) {
            tally.addQuality(WEIGHT, record.mergedElsewhere() + " merged pull requests elsewhere in 12 months");
        }
    }
}
