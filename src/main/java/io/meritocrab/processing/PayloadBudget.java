package io.meritocrab.processing;

import io.meritocrab.inbox.Claim;
import java.util.List;

/**
 * How many payload bytes one worker's batch may hold. A batch's payloads are all in memory while it is
 * applied, and GitHub sends payloads of up to 25 MB: eight of those per worker, three workers, would
 * not fit in the heap the server ships with.
 */
final class PayloadBudget {

    /** Far above a batch of ordinary deliveries (8 × ~25 KB), far below the heap. */
    static final long BYTES_PER_BATCH = 32L * 1024 * 1024;

    private PayloadBudget() {
    }

    /** The leading deliveries of a lease whose payloads fit in {@code budget} bytes together; the first always. */
    static List<Claim> leadingWithin(List<Claim> leased, long budget) {
        long bytes = 0;
        for (int i = 0; i < leased.size(); i++) {
            bytes += leased.get(i).payloadBytes();
            if (i > 0 && bytes > budget) {
                return leased.subList(0, i);
            }
        }
        return leased;
    }
}
