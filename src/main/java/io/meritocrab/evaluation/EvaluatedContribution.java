package io.meritocrab.evaluation;

/**
 * A contribution together with where it happened: the contributor and repository rows it belongs to,
 * the delivery that brought it, and the PR or issue it was made on.
 */
public record EvaluatedContribution(
        Contribution contribution,
        long repositoryId,
        long contributorId,
        String deliveryId,
        Integer subjectNumber,
        String subjectUrl,
        String contentHash) {
}
