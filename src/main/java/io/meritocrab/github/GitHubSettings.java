package io.meritocrab.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the server reaches GitHub as an App. Without an App id and key, nothing is sent to GitHub. */
@ApplicationScoped
public class GitHubSettings {

    @Inject @ConfigProperty(name = "meritocrab.github.api-url", defaultValue = "https://api.github.com")
    String apiUrl;
    @Inject @ConfigProperty(name = "meritocrab.github.app-id")
    Optional<String> appId;
    @Inject @ConfigProperty(name = "meritocrab.github.private-key")
    Optional<String> privateKey;
    @Inject @ConfigProperty(name = "meritocrab.github.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;
    @Inject @ConfigProperty(name = "meritocrab.github.read-timeout", defaultValue = "PT10S")
    Duration readTimeout;
    @Inject @ConfigProperty(name = "meritocrab.github.attempts", defaultValue = "3")
    int attempts;
    @Inject @ConfigProperty(name = "meritocrab.github.retry-base", defaultValue = "PT1S")
    Duration retryBase;
    @Inject @ConfigProperty(name = "meritocrab.github.max-rate-limit-wait", defaultValue = "PT60S")
    Duration maxRateLimitWait;
    @Inject @ConfigProperty(name = "meritocrab.github.write-spacing", defaultValue = "PT1S")
    Duration writeSpacing;
    @Inject @ConfigProperty(name = "meritocrab.github.role-cache", defaultValue = "PT5M")
    Duration roleCache;

    public URI apiUrl() {
        String trimmed = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        return URI.create(trimmed);
    }

    /** Where {@code POST /graphql} goes: beside the REST API on github.com, under /api on GitHub Enterprise Server. */
    public URI graphqlBase() {
        return graphqlBase(apiUrl());
    }

    /** GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql. */
    static URI graphqlBase(URI api) {
        String text = api.toString();
        return text.endsWith("/api/v3") ? URI.create(text.substring(0, text.length() - "/v3".length())) : api;
    }

    public boolean appConfigured() {
        return appId.filter(id -> !id.isBlank()).isPresent() && privateKey.filter(key -> !key.isBlank()).isPresent();
    }

    public String appId() {
        return appId.orElseThrow().trim();
    }

    public String privateKey() {
        return privateKey.orElseThrow();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int attempts() {
        return Math.max(1, attempts);
    }

    public Duration retryBase() {
        return retryBase;
    }

    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    public Duration writeSpacing() {
        return writeSpacing;
    }

    public Duration roleCache() {
        return roleCache;
    }
}
