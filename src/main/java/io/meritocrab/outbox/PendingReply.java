package io.meritocrab.outbox;

import io.meritocrab.github.RepositoryRef;

/** A reply to a `/credit` command, waiting to be posted. */
public record PendingReply(long id, String repositoryName, Long installationId, boolean served, int issueNumber,
                           String body) {

    public RepositoryRef repository() {
        return new RepositoryRef(installationId, repositoryName);
    }
}
