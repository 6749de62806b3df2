package io.meritocrab.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitAdviceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void retryAfterSecondsComeFirst() {
        assertThat(RateLimitAdvice.waitFor(answer(429, "", "7", "0", "9999999999"), NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        assertThat(RateLimitAdvice.waitFor(answer(403, "", "Mon, 23 Nov 2026 10:00:30 GMT", null, null), NOW))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void exhaustedPrimaryLimitWaitsUntilTheReset() {
        long reset = NOW.plusSeconds(120).getEpochSecond();
        assertThat(RateLimitAdvice.waitFor(answer(403, "{\"message\":\"API rate limit exceeded\"}", null, "0",
                String.valueOf(reset)), NOW)).contains(Duration.ofSeconds(121));
    }

    @Test
    void secondaryLimitWithoutHeadersWaitsAMinute() {
        assertThat(RateLimitAdvice.waitFor(answer(403, "{\"message\":\"You have exceeded a secondary rate limit\"}",
                null, "12", null), NOW)).contains(Duration.ofSeconds(60));
        assertThat(RateLimitAdvice.waitFor(answer(429, "", null, null, null), NOW)).contains(Duration.ofSeconds(60));
    }

    @Test
    void forbiddenThatIsNotARateLimitIsNoAdviceToWait() {
        assertThat(RateLimitAdvice.waitFor(answer(403, "{\"message\":\"Resource not accessible by integration\"}",
                null, "4999", "1"), NOW)).isEmpty();
    }

    @Test
    void otherStatusesAreNeverRateLimits() {
        assertThat(RateLimitAdvice.waitFor(answer(500, "rate limit", "5", "0", "1"), NOW)).isEmpty();
        assertThat(RateLimitAdvice.waitFor(answer(200, "", "5", "0", "1"), NOW)).isEmpty();
    }

    private static GitHubAnswer answer(int status, String body, String retryAfter, String remaining, String reset) {
        return new GitHubAnswer(status, body, null, retryAfter, remaining, reset);
    }
}
