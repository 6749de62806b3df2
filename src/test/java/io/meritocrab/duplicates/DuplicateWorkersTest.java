package io.meritocrab.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.github.GitHubException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DuplicateWorkersTest {

    private static final Duration DELAY = Duration.ofSeconds(30);

    @Test
    void aPassingFailureIsRetriedAfterTheDelayWhileAttemptsRemain() {
        GitHubException unavailable = new GitHubException("GitHub answered 502 after 3 attempts", true);

        assertThat(DuplicateWorkers.retryAfter(unavailable, 1, 3, DELAY)).contains(DELAY);
        assertThat(DuplicateWorkers.retryAfter(unavailable, 2, 3, DELAY)).contains(DELAY);
        assertThat(DuplicateWorkers.retryAfter(unavailable, 3, 3, DELAY)).isEmpty();
    }

    @Test
    void aRefusalIsNotRetried() {
        assertThat(DuplicateWorkers.retryAfter(new GitHubException("GitHub answered 403", false), 1, 3, DELAY))
                .isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutUnlessItIsLong() {
        assertThat(DuplicateWorkers.retryAfter(new GitHubException("rate limited", Duration.ofMinutes(2)), 1, 3, DELAY))
                .contains(Duration.ofMinutes(2));
        assertThat(DuplicateWorkers.retryAfter(new GitHubException("rate limited", Duration.ofSeconds(1)), 1, 3, DELAY))
                .contains(DELAY);
        assertThat(DuplicateWorkers.retryAfter(new GitHubException("rate limited", Duration.ofHours(1)), 1, 3, DELAY))
                .isEmpty();
    }
}
