package io.meritocrab.inbox;

import java.util.List;

/**
 * One delivery worker's share of the inbox: the deliveries whose repository and sender fall to it. All of
 * one contributor's deliveries fall to the same worker, so when one contributor floods the inbox the
 * workers of a server no longer queue one behind the other for that contributor's row lock; each applies
 * its own contributors in parallel. A share is a preference, not an ownership: a worker whose share has
 * nothing due takes any due delivery, so nothing waits for a busy worker.
 *
 * @param index which share, from 0
 * @param count how many shares the inbox is split into (the number of workers)
 */
public record WorkerShare(int index, int count) {

    /**
     * The SQL condition over a delivery row, for {@link Deliveries#claimDue(int, java.time.Duration, WorkerShare)}.
     * Each id is reduced first, so no sum can overflow whatever ids a payload carried, and a row naming no
     * repository or sender (null) still falls into a share.
     */
    public static final String CONDITION = "ABS(MOD(MOD(COALESCE(repository_id, 0), ?) + MOD(COALESCE(sender_id, 0), ?), ?)) = ?";

    public WorkerShare {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("share " + index + " of " + count);
        }
    }

    /** The parameters of {@link #CONDITION}, in order. */
    public List<Object> parameters() {
        return List.of(count, count, count, index);
    }
}
