package io.meritocrab.repoconfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How each repository's `.meritocrab.toml` is fetched: how long a copy is trusted, how soon a failed
 * fetch is tried again, and how long a delivery waits for a repository's first load.
 */
@ApplicationScoped
public class RepositoryConfigSettings {

    @Inject @ConfigProperty(name = "meritocrab.repo-config.ttl", defaultValue = "PT10M")
    Duration ttl;
    @Inject @ConfigProperty(name = "meritocrab.repo-config.retry", defaultValue = "PT1M")
    Duration retry;
    @Inject @ConfigProperty(name = "meritocrab.repo-config.first-load-timeout", defaultValue = "PT5S")
    Duration firstLoadTimeout;

    public Duration ttl() {
        return ttl;
    }

    public Duration retry() {
        return retry;
    }

    public Duration firstLoadTimeout() {
        return firstLoadTimeout;
    }
}
