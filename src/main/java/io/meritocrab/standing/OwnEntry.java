package io.meritocrab.standing;

import io.meritocrab.appeals.Appeal;
import io.meritocrab.appeals.AppealStatus;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.ledger.LedgerEntry;
import java.time.Instant;

/**
 * A ledger entry as its contributor sees it: what happened, the change, the reasoning given, and where
 * their request to look again stands ({@code appeal}: null when none was made).
 */
public record OwnEntry(long id, Instant createdAt, String what, int delta, int creditAfter, String reason,
                       String reasoning, String appeal, boolean appealable) {

    /** {@code latestAppeal}: the newest appeal on the entry, or null. */
    static OwnEntry of(LedgerEntry entry, Evaluation evaluation, Appeal latestAppeal, boolean everReversed) {
        AppealStatus status = latestAppeal == null ? null : latestAppeal.status();
        return new OwnEntry(entry.id(), entry.createdAt(), what(entry), entry.delta(), entry.creditAfter(),
                SanctionWords.withheld(entry.reason()),
                evaluation == null ? null : SanctionWords.withheld(evaluation.reasoning()),
                status == null ? null : label(status),
                entry.delta() < 0 && status != AppealStatus.OPEN && !everReversed);
    }

    private static String label(AppealStatus status) {
        return switch (status) {
            case OPEN -> "You asked a maintainer to look again; no answer yet.";
            case UPHELD -> "A maintainer looked again and kept this change.";
            case REVERSED -> "A maintainer looked again and gave the credit back.";
        };
    }

    private static String what(LedgerEntry entry) {
        return switch (entry.kind()) {
            case PULL_REQUEST_OPENED -> "Pull request";
            case COMMENT_CREATED -> "Comment";
            case PULL_REQUEST_MERGED -> "Pull request merged";
            case REVIEW_SUBMITTED -> "Review";
            case MAINTAINER_ADJUSTMENT -> "Changed by a maintainer";
            case APPEAL_REVERSED -> "Given back after your request";
            case IMPORTED -> "Brought over from the earlier ledger";
            case TRACK_RECORD -> "Your record elsewhere on GitHub";
            case BLACKLISTED, UNBLACKLISTED, SANCTION_ENDED -> throw new IllegalArgumentException("status entries are not shown");
        };
    }
}
