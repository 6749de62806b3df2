package io.meritocrab.outbox;

import io.meritocrab.github.RepositoryRef;
import io.meritocrab.scoring.GateDecision;

/** What the worker needs to carry out one enforcement action. */
public record PendingAction(long id, long repositoryId, String repositoryName, Long installationId, boolean served,
                            long contributorId, String authorLogin, long authorUserId, int pullNumber, GateDecision decision, int credit, int threshold,
                            String message, boolean commented, String deliveryId) {

    public RepositoryRef repository() {
        return new RepositoryRef(installationId, repositoryName);
    }
}
