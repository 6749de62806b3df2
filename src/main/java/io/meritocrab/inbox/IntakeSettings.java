package io.meritocrab.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How deliveries are committed before their webhook is answered: writer threads, the largest batch in
 * one transaction, how long a webhook waits for its commit, and how long its body may take to arrive.
 */
@ApplicationScoped
public class IntakeSettings {

    @Inject @ConfigProperty(name = "meritocrab.intake.writers", defaultValue = "2")
    int writerCount;
    @Inject @ConfigProperty(name = "meritocrab.intake.max-batch", defaultValue = "128")
    int maxBatch;
    @Inject @ConfigProperty(name = "meritocrab.intake.commit-timeout-ms", defaultValue = "8000")
    long commitTimeoutMillis;
    @Inject @ConfigProperty(name = "meritocrab.intake.body-timeout", defaultValue = "PT10S")
    Duration bodyTimeout;

    public int writerCount() {
        return writerCount;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public long commitTimeoutMillis() {
        return commitTimeoutMillis;
    }

    public Duration bodyTimeout() {
        return bodyTimeout;
    }
}
