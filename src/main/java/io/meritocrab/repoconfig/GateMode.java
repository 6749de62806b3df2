package io.meritocrab.repoconfig;

import java.util.Locale;

/**
 * Whether the PR gate acts on GitHub. In observe mode every decision is recorded as what would have
 * happened, and nothing is closed or commented on.
 */
public enum GateMode {
    OBSERVE, ENFORCE;

    /** The value as written in `.meritocrab.toml`. */
    public String fileValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
