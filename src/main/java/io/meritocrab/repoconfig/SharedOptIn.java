package io.meritocrab.repoconfig;

/**
 * Whether a repository's gate honours its installation's shared lists (`[shared] trust`, `deny`): off
 * unless the file turns them on, so a repository sees the same behaviour as before until it opts in.
 */
public record SharedOptIn(boolean trust, boolean deny) {

    public static SharedOptIn none() {
        return new SharedOptIn(false, false);
    }
}
