package io.meritocrab.github;

import java.time.Instant;
import java.util.List;

/**
 * A user's public record as GitHub's GraphQL API gives it in one query: when the account was created, and
 * their most recent merged and closed-unmerged pull requests (up to {@link PublicRecordQuery#PER_STATE} of
 * each), in any repository.
 */
public record PublicRecord(Instant accountCreatedAt, List<PastPullRequest> pullRequests) {

    public PublicRecord {
        pullRequests = List.copyOf(pullRequests);
    }

    /** One pull request: the GitHub id of its repository, whether it was merged, and when it was opened. */
    public record PastPullRequest(long repositoryId, boolean merged, Instant createdAt) {
    }
}
