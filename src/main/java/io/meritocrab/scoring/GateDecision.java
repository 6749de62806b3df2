package io.meritocrab.scoring;

/** What the PR gate decides for a newly opened or reopened pull request. */
public enum GateDecision {
    ALLOW, CLOSE_BELOW_THRESHOLD, SHADOW_CLOSE
}
