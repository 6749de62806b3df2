package io.meritocrab.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every rate limit's budget per minute, how many keys each remembers, and which proxies are trusted. */
@ApplicationScoped
public class RateLimitSettings {

    @Inject @ConfigProperty(name = "meritocrab.rate-limit.unsigned-webhooks-per-minute", defaultValue = "30")
    long unsignedWebhooksPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.api-per-minute", defaultValue = "600")
    long apiPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.failed-authentications-per-minute", defaultValue = "10")
    long failedAuthenticationsPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.max-keys", defaultValue = "100000")
    int maxKeys;
    /** A comma-separated list, read as one string: list injection is not portable (Payara cannot inject it). */
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.trusted-proxies")
    Optional<String> trustedProxies;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.role-lookups-per-user-per-minute", defaultValue = "30")
    long roleLookupsPerUserPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.role-lookups-per-minute", defaultValue = "60")
    long roleLookupsPerMinute;

    public long unsignedWebhooksPerMinute() {
        return unsignedWebhooksPerMinute;
    }

    public long apiPerMinute() {
        return apiPerMinute;
    }

    public long failedAuthenticationsPerMinute() {
        return failedAuthenticationsPerMinute;
    }

    public int maxKeys() {
        return maxKeys;
    }

    public Set<String> trustedProxies() {
        return Arrays.stream(trustedProxies.orElse("").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public long roleLookupsPerUserPerMinute() {
        return roleLookupsPerUserPerMinute;
    }

    public long roleLookupsPerMinute() {
        return roleLookupsPerMinute;
    }
}
