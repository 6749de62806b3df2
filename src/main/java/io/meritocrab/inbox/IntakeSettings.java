package io.meritocrab.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How deliveries are committed before their webhook is answered: writer threads, the largest batch in
 * one transaction, how long a webhook waits for its commit, how long its body may take to arrive, and how
 * many body bytes the server holds at once.
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
    @Inject @ConfigProperty(name = "meritocrab.intake.max-body-bytes-in-flight", defaultValue = "134217728")
    long maxBodyBytesInFlight;

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

    /** Webhook body bytes held at once across all requests (see {@code intake.BodyBudget}). */
    public long maxBodyBytesInFlight() {
        return maxBodyBytesInFlight;
    }
}
