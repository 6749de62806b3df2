package io.meritocrab.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The delivery workers' settings: how many, how much each leases and for how long, how failures are
 * retried, and when processing steps aside for intake.
 */
@ApplicationScoped
public class DeliverySettings {

    @Inject @ConfigProperty(name = "meritocrab.delivery.workers", defaultValue = "3")
    int workerCount;
    @Inject @ConfigProperty(name = "meritocrab.delivery.lease", defaultValue = "PT2M")
    Duration lease;
    @Inject @ConfigProperty(name = "meritocrab.delivery.claim-batch", defaultValue = "8")
    int claimBatch;
    @Inject @ConfigProperty(name = "meritocrab.delivery.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;
    @Inject @ConfigProperty(name = "meritocrab.delivery.retry-base", defaultValue = "PT10S")
    Duration retryBase;
    @Inject @ConfigProperty(name = "meritocrab.delivery.retry-cap", defaultValue = "PT30M")
    Duration retryCap;
    @Inject @ConfigProperty(name = "meritocrab.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;
    @Inject @ConfigProperty(name = "meritocrab.delivery.yield-to-intake-above", defaultValue = "200")
    double yieldToIntakeAbove;

    public int workerCount() {
        return workerCount;
    }

    public Duration lease() {
        return lease;
    }

    public int claimBatch() {
        return claimBatch;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration retryBase() {
        return retryBase;
    }

    public Duration retryCap() {
        return retryCap;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public double yieldToIntakeAbove() {
        return yieldToIntakeAbove;
    }
}
