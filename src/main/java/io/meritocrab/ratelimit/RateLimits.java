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
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's rate limits: webhook requests that fail signature verification, per source address
 * (a correctly signed webhook never comes here: GitHub does not retry a refused delivery); and the
 * admin API and console, per signed-in user or bearer token (per address when there is neither).
 */
@ApplicationScoped
public class RateLimits {

    public static final String WEBHOOK = "webhook";
    public static final String API = "api";

    @Inject @ConfigProperty(name = "meritocrab.rate-limit.unsigned-webhooks-per-minute", defaultValue = "30")
    long unsignedWebhooksPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.api-per-minute", defaultValue = "600")
    long apiPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.max-keys", defaultValue = "100000")
    int maxKeys;
    /** A comma-separated list, read as one string: list injection is not portable (Payara cannot inject it). */
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.trusted-proxies")
    Optional<String> trustedProxies;
    @Inject
    DeliveryMetrics metrics;

    private BucketsByKey unsignedWebhooks;
    private BucketsByKey api;
    private ClientAddress clientAddress;

    @PostConstruct
    void create() {
        unsignedWebhooks = new BucketsByKey(unsignedWebhooksPerMinute, maxKeys, System::nanoTime);
        api = new BucketsByKey(apiPerMinute, maxKeys, System::nanoTime);
        clientAddress = new ClientAddress(Arrays.stream(trustedProxies.orElse("").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
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
