package io.meritocrab.duplicates;

import io.meritocrab.platform.Database;
import io.meritocrab.platform.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of `pull_request_fingerprint` (plain JDBC): each checked pull request's change and text
 * fingerprints, whether it is closed, and the earlier pull request it duplicates. A match is two index
 * lookups, (repository, diff fingerprint) and (repository, text fingerprint), never a scan.
 */
@ApplicationScoped
public class PullRequestFingerprints {

    static final String BY_CHANGE = "change";
    static final String BY_TEXT = "text";
    /** A shorter description (a template, "fixes #12") says too little for the same text to mean the same PR. */
    static final int MIN_TEXT = 80;

    private static final String MATCH = "SELECT pull_number, author_login, url FROM pull_request_fingerprint "
            + "WHERE repository_id = ? AND %s = ? AND pull_number < ? AND contributor_id <> ? "
            + "AND (closed_at IS NULL OR closed_at > ?)%s ORDER BY pull_number LIMIT 1";
    /** Two changes that both have a fingerprint and differ are not duplicates, whatever their text says. */
    private static final String WITHOUT_CHANGE = " AND diff_fingerprint IS NULL";

    @Inject
    Database dataSource;

    /** A pull request found to match: the earlier one, and by what. */
    public record Match(int number, String login, String url, String matchedBy) {
    }

    /** The text's fingerprint when its description is long enough to tell pull requests apart, else null. */
    static String textFingerprint(String contentHash, String body) {
        return body != null && body.strip().replaceAll("\\s+", " ").length() >= MIN_TEXT ? contentHash : null;
    }

    /** Stores a checked pull request's fingerprints (again, if it was checked before), in the caller's transaction. */
    public void save(long repositoryId, int number, long contributorId, String login, String url,
                     String diffFingerprint, String textFingerprint, Instant closedAt, Instant now)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE pull_request_fingerprint "
                    + "SET diff_fingerprint = ?, text_fingerprint = ? WHERE repository_id = ? AND pull_number = ?")) {
                update.setString(1, diffFingerprint);
                update.setString(2, textFingerprint);
                update.setLong(3, repositoryId);
                update.setInt(4, number);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pull_request_fingerprint "
                    + "(repository_id, pull_number, contributor_id, author_login, url, diff_fingerprint, "
                    + "text_fingerprint, closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, repositoryId);
                insert.setInt(2, number);
                insert.setLong(3, contributorId);
                insert.setString(4, login);
                insert.setString(5, Texts.cut(url, 1000));
                insert.setString(6, diffFingerprint);
                insert.setString(7, textFingerprint);
                insert.setTimestamp(8, closedAt == null ? null : Timestamp.from(closedAt));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
    }

    /**
     * The earliest pull request of the repository before {@code number}, by another contributor, open or
     * closed after {@code closedAfter}, with the same change or, where one of the two has no change
     * fingerprint (GitHub gave no diff), the same text: a template's text is shared by different changes.
     */
    public Optional<Match> earlierMatch(long repositoryId, int number, long contributorId, String diffFingerprint,
                                        String textFingerprint, Instant closedAfter) throws SQLException {
        Optional<Match> byChange = match("diff_fingerprint", "", BY_CHANGE, diffFingerprint, repositoryId, number,
                contributorId, closedAfter);
        return byChange.isPresent() ? byChange
                : match("text_fingerprint", diffFingerprint == null ? "" : WITHOUT_CHANGE, BY_TEXT, textFingerprint,
                        repositoryId, number, contributorId, closedAfter);
    }

    private Optional<Match> match(String column, String condition, String matchedBy, String fingerprint,
                                  long repositoryId, int number, long contributorId, Instant closedAfter)
            throws SQLException {
        if (fingerprint == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement(MATCH.formatted(column, condition))) {
            find.setLong(1, repositoryId);
            find.setString(2, fingerprint);
            find.setInt(3, number);
            find.setLong(4, contributorId);
            find.setTimestamp(5, Timestamp.from(closedAfter));
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Match(row.getInt(1), row.getString(2), row.getString(3), matchedBy))
                        : Optional.empty();
            }
        }
    }

    /** Records that the pull request duplicates {@code match}, in the caller's transaction. */
    public void markDuplicate(long repositoryId, int number, Match match) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE pull_request_fingerprint "
                     + "SET duplicate_of = ?, matched_by = ? WHERE repository_id = ? AND pull_number = ?")) {
            update.setInt(1, match.number());
            update.setString(2, match.matchedBy());
            update.setLong(3, repositoryId);
            update.setInt(4, number);
            update.executeUpdate();
        }
    }

    /** A pull request was closed ({@code at}) or reopened (null); nothing when it was never checked. */
    public void closed(long repositoryId, int number, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE pull_request_fingerprint "
                     + "SET closed_at = ? WHERE repository_id = ? AND pull_number = ?")) {
            update.setTimestamp(1, at == null ? null : Timestamp.from(at));
            update.setLong(2, repositoryId);
            update.setInt(3, number);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the state of pull request #" + number, e);
        }
    }

    /** The repository's latest duplicates with the pull requests they duplicate, newest first. */
    public List<DuplicatePair> recent(long repositoryId, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT d.pull_number, d.author_login, d.url, "
                     + "o.pull_number, o.author_login, o.url, d.matched_by, d.created_at "
                     + "FROM pull_request_fingerprint d JOIN pull_request_fingerprint o "
                     + "ON o.repository_id = d.repository_id AND o.pull_number = d.duplicate_of "
                     + "WHERE d.repository_id = ? AND d.duplicate_of IS NOT NULL "
                     + "ORDER BY d.created_at DESC, d.pull_number DESC LIMIT ?")) {
            find.setLong(1, repositoryId);
            find.setInt(2, limit);
            List<DuplicatePair> pairs = new ArrayList<>();
            try (ResultSet row = find.executeQuery()) {
                while (row.next()) {
                    pairs.add(new DuplicatePair(row.getInt(1), row.getString(2), row.getString(3), row.getInt(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getTimestamp(8).toInstant()));
                }
            }
            return pairs;
        }
    }
}
