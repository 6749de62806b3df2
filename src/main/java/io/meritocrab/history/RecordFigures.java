package io.meritocrab.history;

import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.github.PublicRecord;
import io.meritocrab.github.PublicRecord.PastPullRequest;
import java.time.Duration;
import java.time.Instant;

/** Reads a user's public record for one repository: pull requests in other repositories, of the last 12 months. */
final class RecordFigures {

    static final Duration WINDOW = Duration.ofDays(365);

    private RecordFigures() {
    }

    static TrackRecord of(PublicRecord record, long repositoryId, Instant now) {
        Instant since = now.minus(WINDOW);
        int merged = 0;
        int closed = 0;
        for (PastPullRequest pull : record.pullRequests()) {
            if (pull.repositoryId() == repositoryId || pull.createdAt().isBefore(since)) {
                continue;
            }
            if (pull.merged()) {
                merged++;
            } else {
                closed++;
            }
        }
        long ageDays = Math.max(0, Duration.between(record.accountCreatedAt(), now).toDays());
        return new TrackRecord(ageDays, merged, closed);
    }
}
