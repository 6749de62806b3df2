package io.meritocrab.history;

import io.meritocrab.github.PublicRecord;
import io.meritocrab.github.PublicRecord.PastPullRequest;
import io.meritocrab.platform.Database;
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
import java.util.stream.Collectors;

/**
 * The one owner of the `track_record` table: users' public records as GitHub last gave them, shared by every
 * repository and replica, so a user contributing to several repositories costs one GraphQL query a day.
 * Written by {@link HistoryLookups}; read there and by {@link KnownRecords} for the rules.
 */
@ApplicationScoped
public class TrackRecordCache {

    private static final int MAX_TEXT = 20_000;

    @Inject
    Database dataSource;
    @Inject
    HistorySettings settings;

    /** The user's record if it was read from GitHub within {@link HistorySettings#cacheFor()}. */
    public Optional<PublicRecord> fresh(long userId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT account_created_at, pull_requests "
                     + "FROM track_record WHERE user_id = ? AND fetched_at > ?")) {
            read.setLong(1, userId);
            read.setTimestamp(2, Timestamp.from(now.minus(settings.cacheFor())));
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PublicRecord(row.getTimestamp(1).toInstant(), decode(row.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the track record of user " + userId, e);
        }
    }

    /**
     * Keeps the record read at {@code fetchedAt}. An update, then an insert that gives way to one made
     * meanwhile by another server (the same figures): both databases take it, unlike MERGE or ON CONFLICT
     * DO UPDATE.
     */
    public void store(long userId, String login, PublicRecord record, Instant fetchedAt) {
        String text = encode(record.pullRequests());
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE track_record SET login = ?, "
                    + "account_created_at = ?, pull_requests = ?, fetched_at = ? WHERE user_id = ?")) {
                update.setString(1, login);
                update.setTimestamp(2, Timestamp.from(record.accountCreatedAt()));
                update.setString(3, text);
                update.setTimestamp(4, Timestamp.from(fetchedAt));
                update.setLong(5, userId);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO track_record (user_id, login, "
                    + "account_created_at, pull_requests, fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setLong(1, userId);
                insert.setString(2, login);
                insert.setTimestamp(3, Timestamp.from(record.accountCreatedAt()));
                insert.setString(4, text);
                insert.setTimestamp(5, Timestamp.from(fetchedAt));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the track record of user " + userId, e);
        }
    }

    /** One "M|C,repository id,created epoch second" line per pull request; fits the column for 2 × 100 of them. */
    static String encode(List<PastPullRequest> pullRequests) {
        String text = pullRequests.stream().map(pull -> (pull.merged() ? "M" : "C") + "," + pull.repositoryId() + ","
                + pull.createdAt().getEpochSecond()).collect(Collectors.joining("\n"));
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("too many pull requests to keep: " + pullRequests.size());
        }
        return text;
    }

    static List<PastPullRequest> decode(String text) {
        List<PastPullRequest> pullRequests = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",");
            pullRequests.add(new PastPullRequest(Long.parseLong(parts[1]), "M".equals(parts[0]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        }
        return pullRequests;
    }
}
