package io.meritocrab.evaluation;

/**
 * A contributor's public record elsewhere on GitHub, as `[history]` reads it: the account's age and the pull
 * requests they opened in other repositories over the last twelve months, merged or closed without merge.
 */
public record TrackRecord(long accountAgeDays, int mergedElsewhere, int closedUnmergedElsewhere) {

    public TrackRecord {
        if (accountAgeDays < 0 || mergedElsewhere < 0 || closedUnmergedElsewhere < 0) {
            throw new IllegalArgumentException("a track record counts from 0");
        }
    }

    /** The figures in words, for ledger reasons and evaluation reasoning. */
    public String summary() {
        String age = "account " + accountAgeDays + (accountAgeDays == 1 ? " day" : " days") + " old";
        if (mergedElsewhere == 0 && closedUnmergedElsewhere == 0) {
            return age + ", no pull request elsewhere in 12 months";
        }
        return age + ", " + mergedElsewhere + " merged and " + closedUnmergedElsewhere
                + " closed unmerged pull requests elsewhere in 12 months";
    }
}
