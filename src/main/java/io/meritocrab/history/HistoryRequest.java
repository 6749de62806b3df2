package io.meritocrab.history;

import io.meritocrab.platform.LeasedQueue.Lease;

/** A contributor whose track record is wanted, leased to this server for one attempt (the lease's id). */
record HistoryRequest(Lease lease) {

    long contributorId() {
        return lease.id();
    }

    int attempt() {
        return lease.attempt();
    }
}
