package io.meritocrab.github;

import io.meritocrab.platform.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installation access tokens, one per installation, cached and renewed about five minutes before
 * GitHub lets them expire (they last an hour). Tokens are never logged.
 */
@ApplicationScoped
public class InstallationTokens {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final int MAX_CACHED = 10_000;

    @Inject
    GitHubCalls calls;

    private final Clock clock = Clock.systemUTC();
    /** Installations are whoever installs the App; a token is kept no longer than it is fresh. */
    private final ExpiringCache<Long, Token> cache = new ExpiringCache<>(MAX_CACHED);
    private final Map<Long, Object> renewals = new ConcurrentHashMap<>();

    public String token(long installationId) {
        Optional<Token> cached = cache.get(installationId, clock.instant());
        if (cached.isPresent()) {
            return cached.get().value();
        }
        // One renewal per installation at a time; the others wait for it and use its token.
        synchronized (renewals.computeIfAbsent(installationId, id -> new Object())) {
            cached = cache.get(installationId, clock.instant());
            if (cached.isPresent()) {
                return cached.get().value();
            }
            Token renewed = fetch(installationId);
            cache.put(installationId, renewed, renewed.expiresAt().minus(RENEW_BEFORE_EXPIRY), clock.instant());
            return renewed.value();
        }
    }

    public void forget(long installationId) {
        cache.remove(installationId);
    }

    private Token fetch(long installationId) {
        GitHubAnswer answer = calls.execute(GitHubCall.asApp("create installation token",
                (api, authorization) -> api.createInstallationToken(installationId, authorization)));
        if (!answer.ok()) {
            throw new GitHubException("create installation token for installation " + installationId
                    + ": GitHub answered " + answer.status(), answer.status() == 404 ? false : true);
        }
        JsonObject json = answer.json();
        try {
            return new Token(json.getString("token"), OffsetDateTime.parse(json.getString("expires_at")).toInstant());
        } catch (RuntimeException e) {
            throw new GitHubException("create installation token: unexpected answer from GitHub", true, e);
        }
    }

    private record Token(String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
