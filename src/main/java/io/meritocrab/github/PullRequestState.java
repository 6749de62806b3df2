package io.meritocrab.github;

/** Whether a pull request is still open, as GitHub reports it now. */
public record PullRequestState(boolean open, boolean merged) {
}
