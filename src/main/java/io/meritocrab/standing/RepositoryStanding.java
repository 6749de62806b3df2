package io.meritocrab.standing;

import java.util.List;

/**
 * Where a contributor stands in one repository, as their own page shows it: built from the credit, the
 * repository's settings and the entries that changed credit, never from a sanction (a sanctioned
 * contributor sees what anyone with the same credit sees).
 */
public record RepositoryStanding(String repository, int credit, int prThreshold, boolean observed,
                                 List<OwnEntry> entries, List<EarningRule> earning) {

    public boolean belowThreshold() {
        return credit < prThreshold;
    }
}
