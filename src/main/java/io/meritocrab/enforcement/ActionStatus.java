package io.meritocrab.enforcement;

/** Whether an enforcement action still has to be carried out on GitHub. */
public enum ActionStatus {
    NONE_NEEDED, PENDING, DONE, SKIPPED
}
