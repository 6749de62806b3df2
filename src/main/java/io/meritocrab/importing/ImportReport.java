package io.meritocrab.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, or (dry run) would do, per repository: counts of what is new here, what was
 * imported before, and the rows that are not brought over with the reason.
 */
public record ImportReport(boolean dryRun, String source, List<RepositoryReport> repositories,
                           List<OriginalLedger.Unmapped> unmapped) {

    /**
     * One repository: {@code outcome} is "imported", "would import" (dry run), "unknown" (not served here)
     * or "not yours" (the user does not maintain it).
     */
    public record RepositoryReport(String repository, String outcome, int contributors, int newContributors,
                                   int entries, int alreadyImported, int pendingEvaluations,
                                   int pendingAlreadyImported, int blacklisted,
                                   List<OriginalLedger.Unmapped> unmapped) {

        static RepositoryReport skipped(OriginalLedger.Repository original, String outcome, String reason) {
            List<OriginalLedger.Unmapped> rows = new ArrayList<>(original.unmapped());
            rows.add(0, new OriginalLedger.Unmapped(original.contributors().size() + " contributors, "
                    + original.eventCount() + " events, " + original.pending().size() + " pending evaluations", reason));
            return new RepositoryReport(original.fullName(), outcome, original.contributors().size(), 0, 0, 0, 0, 0, 0,
                    rows);
        }
    }
}
