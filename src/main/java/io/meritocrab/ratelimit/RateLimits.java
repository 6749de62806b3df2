package io.meritocrab.ratelimit;

import io.meritocrab.metrics.DeliveryMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The server's rate limits: webhook requests that fail signature verification, per source address
 * (a correctly signed webhook never comes here: GitHub does not retry a refused delivery); the admin
 * API and console, per signed-in user or bearer token (per address when there is neither); and failed
 * authentications (a wrong bearer token, a wrong local sign-in), per source address, so a guesser
 * cannot get a fresh budget by presenting a fresh guess.
 */
@ApplicationScoped
public class RateLimits {

    public static final String WEBHOOK = "webhook";
    public static final String API = "api";
    public static final String AUTHENTICATION = "authentication";

    @Inject
    RateLimitSettings settings;
    @Inject
    DeliveryMetrics metrics;

    private BucketsByKey unsignedWebhooks;
    private BucketsByKey api;
    private BucketsByKey failedAuthentications;
    private ClientAddress clientAddress;

    @PostConstruct
    void create() {
        int maxKeys = settings.maxKeys();
        unsignedWebhooks = new BucketsByKey(settings.unsignedWebhooksPerMinute(), maxKeys, System::nanoTime);
        api = new BucketsByKey(settings.apiPerMinute(), maxKeys, System::nanoTime);
        failedAuthentications = new BucketsByKey(settings.failedAuthenticationsPerMinute(), maxKeys, System::nanoTime);
        clientAddress = new ClientAddress(settings.trustedProxies());
    }

    /** For a webhook whose signature failed: empty when it may be answered 401, else the wait for 429. */
    public Optional<Duration> unsignedWebhook(String remoteAddress, String forwardedFor) {
        return refused(WEBHOOK, unsignedWebhooks.take(clientAddress.of(remoteAddress, forwardedFor)));
    }

    /** For an API or console request; the key is the user, else the token's hash, else the address. */
    public Optional<Duration> apiRequest(String user, String bearerToken, String remoteAddress, String forwardedFor) {
        String key = user != null ? "user:" + user
                : bearerToken != null ? "token:" + sha256(bearerToken)
                : "address:" + clientAddress.of(remoteAddress, forwardedFor);
        return refused(API, api.take(key));
    }

    /**
     * Before a token or sign-in is checked: the wait when this address has used up its failed attempts
     * (then even the right token is refused, so guessing cannot go on); empty when it may be checked.
     */
    public Optional<Duration> authenticationBlocked(String remoteAddress, String forwardedFor) {
        return refused(AUTHENTICATION, failedAuthentications.peek(clientAddress.of(remoteAddress, forwardedFor)));
    }

    /** Counts a failed authentication against its address; the wait when it was one too many. */
    public Optional<Duration> authenticationFailed(String remoteAddress, String forwardedFor) {
        return refused(AUTHENTICATION, failedAuthentications.take(clientAddress.of(remoteAddress, forwardedFor)));
    }

    /** The client's address: the connection's, or the one a trusted proxy forwarded for. */
    public String clientAddress(String remoteAddress, String forwardedFor) {
        return clientAddress.of(remoteAddress, forwardedFor);
    }

    /** Whole seconds for Retry-After, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private Optional<Duration> refused(String scope, Duration wait) {
        if (wait.isZero()) {
            return Optional.empty();
        }
        metrics.rateLimited(scope);
        return Optional.of(wait);
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
