package io.meritocrab.github;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads GitHub's rate-limit answers: how long to wait before the next call, or empty when the answer
 * is not a rate limit (a 403 can also mean "not allowed"). Follows GitHub's advice: `Retry-After` first,
 * then `x-ratelimit-reset` when no requests remain, else at least a minute for a secondary limit.
 */
final class RateLimitAdvice {

    static final Duration SECONDARY_LIMIT_WAIT = Duration.ofSeconds(60);

    private RateLimitAdvice() {
    }

    static Optional<Duration> waitFor(GitHubAnswer answer, Instant now) {
        if (answer.status() != 403 && answer.status() != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = retryAfter(answer.retryAfter(), now);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if ("0".equals(trim(answer.rateLimitRemaining())) && answer.rateLimitReset() != null) {
            try {
                Instant reset = Instant.ofEpochSecond(Long.parseLong(answer.rateLimitReset().trim()));
                return Optional.of(nonNegative(Duration.between(now, reset)).plusSeconds(1));
            } catch (NumberFormatException ignored) {
                return Optional.of(SECONDARY_LIMIT_WAIT);
            }
        }
        if (answer.status() == 429 || mentionsRateLimit(answer.body())) {
            return Optional.of(SECONDARY_LIMIT_WAIT);
        }
        return Optional.empty();
    }

    private static Optional<Duration> retryAfter(String header, Instant now) {
        String value = trim(header);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(now, at)));
            } catch (DateTimeParseException notADate) {
                return Optional.of(SECONDARY_LIMIT_WAIT);
            }
        }
    }

    private static boolean mentionsRateLimit(String body) {
        return body != null && body.toLowerCase(Locale.ROOT).contains("rate limit");
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
