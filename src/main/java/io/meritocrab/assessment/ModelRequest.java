package io.meritocrab.assessment;

import io.meritocrab.evaluation.Contribution;

/**
 * A contribution waiting for the model, leased to this server for one attempt. The attempt number is
 * the lease token: a server whose lease ran out and was taken over finds a newer attempt and backs off.
 */
public record ModelRequest(long evaluationId, long repositoryId, long contributorId, String entryKind,
                           Contribution contribution, Integer subjectNumber, Long installationId, int attempt) {
}
