package io.meritocrab.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.github.PublicRecord;
import io.meritocrab.github.PublicRecord.PastPullRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFiguresTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final long HERE = 42;

    @Test
    void onlyPullRequestsInOtherRepositoriesOfTheLastTwelveMonthsCount() {
        PublicRecord record = new PublicRecord(NOW.minus(Duration.ofDays(500)), List.of(
                new PastPullRequest(7, true, NOW.minus(Duration.ofDays(10))),
                new PastPullRequest(8, true, NOW.minus(Duration.ofDays(364))),
                new PastPullRequest(HERE, true, NOW.minus(Duration.ofDays(5))),
                new PastPullRequest(9, true, NOW.minus(Duration.ofDays(366))),
                new PastPullRequest(7, false, NOW.minus(Duration.ofDays(1))),
                new PastPullRequest(HERE, false, NOW.minus(Duration.ofDays(1))),
                new PastPullRequest(0, false, NOW.minus(Duration.ofDays(30)))));

        assertThat(RecordFigures.of(record, HERE, NOW)).isEqualTo(new TrackRecord(500, 2, 2));
    }

    @Test
    void anAccountCreatedTodayIsZeroDaysOld() {
        assertThat(RecordFigures.of(new PublicRecord(NOW.minusSeconds(60), List.of()), HERE, NOW))
                .isEqualTo(new TrackRecord(0, 0, 0));
    }

    @Test
    void theCacheKeepsThePullRequestsAsTheyWere() {
        List<PastPullRequest> pulls = List.of(new PastPullRequest(7, true, Instant.ofEpochSecond(1_700_000_000)),
                new PastPullRequest(Long.MAX_VALUE, false, Instant.ofEpochSecond(1_600_000_000)));

        assertThat(TrackRecordCache.decode(TrackRecordCache.encode(pulls))).isEqualTo(pulls);
        assertThat(TrackRecordCache.decode(TrackRecordCache.encode(List.of()))).isEmpty();
    }
}
