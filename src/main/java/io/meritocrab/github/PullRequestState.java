package io.meritocrab.github;

/** Whether a pull request is still open, as GitHub reports it now, and its description as it is now. */
public record PullRequestState(boolean open, boolean merged, String body) {
}
