package io.meritocrab.duplicates;

import java.time.Instant;

/**
 * A pull request found to duplicate an earlier one of another author, for maintainers.
 *
 * @param matchedBy "change" (the same normalised diff) or "text" (the same title and description)
 */
public record DuplicatePair(int number, String login, String url, int originalNumber, String originalLogin,
                            String originalUrl, String matchedBy, Instant checkedAt) {
}
