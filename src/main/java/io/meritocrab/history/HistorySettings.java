package io.meritocrab.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How track records (`[history]`) are read: how often a server looks for lookups to do, how long it leases
 * one, how often a lookup GitHub does not answer is tried before it is skipped, and how long a record read
 * from GitHub is used for every repository.
 */
@ApplicationScoped
public class HistorySettings {

    @Inject @ConfigProperty(name = "meritocrab.history.poll-interval", defaultValue = "PT5S")
    Duration pollInterval;
    @Inject @ConfigProperty(name = "meritocrab.history.lease", defaultValue = "PT1M")
    Duration lease;
    @Inject @ConfigProperty(name = "meritocrab.history.attempts", defaultValue = "3")
    int attempts;
    @Inject @ConfigProperty(name = "meritocrab.history.retry-base", defaultValue = "PT1M")
    Duration retryBase;
    @Inject @ConfigProperty(name = "meritocrab.history.cache-for", defaultValue = "PT24H")
    Duration cacheFor;

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration lease() {
        return lease;
    }

    public int attempts() {
        return Math.max(1, attempts);
    }

    public Duration retryBase() {
        return retryBase;
    }

    public Duration cacheFor() {
        return cacheFor;
    }
}
