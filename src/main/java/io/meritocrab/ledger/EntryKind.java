package io.meritocrab.ledger;

/** Why a ledger entry exists. */
public enum EntryKind {
    PULL_REQUEST_OPENED,
    COMMENT_CREATED,
    PULL_REQUEST_MERGED,
    REVIEW_SUBMITTED,
    MAINTAINER_ADJUSTMENT,
    BLACKLISTED,
    UNBLACKLISTED,
    /** A temporary sanction step ended by itself: the credit is set back to the PR threshold. */
    SANCTION_ENDED,
    /** A maintainer reversed an entry the contributor appealed: its credit given back (see appeals.AppealDesk). */
    APPEAL_REVERSED,
    /**
     * The starting credit adjusted by the contributor's public record elsewhere on GitHub (`[history]`), the
     * figures in the reason; delta 0 when the record could not be read (the reason says it was skipped).
     */
    TRACK_RECORD,
    /** Brought over from the original meritocrab's ledger; the reason keeps the original event. */
    IMPORTED
}
