package io.meritocrab.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GitHub outbox's settings: its workers, their leases and retries.
 */
@ApplicationScoped
public class OutboxSettings {

    @Inject @ConfigProperty(name = "meritocrab.enforcement.workers", defaultValue = "2")
    int workerCount;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.lease", defaultValue = "PT5M")
    Duration lease;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.retry-base", defaultValue = "PT5S")
    Duration retryBase;
    @Inject @ConfigProperty(name = "meritocrab.enforcement.retry-cap", defaultValue = "PT10M")
    Duration retryCap;

    public int workerCount() {
        return workerCount;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration lease() {
        return lease;
    }

    public Duration retryBase() {
        return retryBase;
    }

    public Duration retryCap() {
        return retryCap;
    }
}
