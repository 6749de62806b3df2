package io.meritocrab.inbox;

/**
 * What a login or a repository's full name from a payload must look like before it is stored: GitHub's
 * own are short and printable, so a name that is empty, longer than its column, or holds a control
 * character (U+0000 above all, which PostgreSQL's text cannot hold) is not GitHub's. Refused as malformed,
 * such a delivery is parked at its first attempt, instead of failing every retry at the insert.
 */
public final class GitHubName {

    /** The width of the name columns (repository.full_name, contributor.login, delivery.repository_name). */
    public static final int MAX_LENGTH = 255;

    private GitHubName() {
    }

    private static boolean plausible(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH
                && name.chars().noneMatch(Character::isISOControl);
    }

    /** @throws MalformedPayloadException naming {@code path} when {@code name} is not {@link #plausible} */
    public static String require(String name, String path) {
        if (!plausible(name)) {
            throw new MalformedPayloadException(path + " is not a GitHub name (empty, over " + MAX_LENGTH
                    + " characters, or with control characters)");
        }
        return name;
    }
}
