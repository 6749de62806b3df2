package io.meritocrab.repoconfig;

/**
 * `[duplicates]`: whether a pull request is compared with other authors' open and recently closed pull
 * requests of the repository, and how many days a closed one still counts. Off by default, so a
 * repository that sets nothing is evaluated as in the original.
 */
public record DuplicateRules(boolean enabled, int windowDays) {

    public static final int DEFAULT_WINDOW_DAYS = 30;
    static final int MAX_WINDOW_DAYS = 365;

    public static DuplicateRules off() {
        return new DuplicateRules(false, DEFAULT_WINDOW_DAYS);
    }
}
