package io.meritocrab.duplicates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The duplicate check's workers: how many, how long one leases a check, how often a diff GitHub did not
 * give is asked for again and after how long, and how large a diff is fingerprinted.
 */
@ApplicationScoped
public class DuplicatesSettings {

    @Inject @ConfigProperty(name = "meritocrab.duplicates.workers", defaultValue = "1")
    int workers;
    @Inject @ConfigProperty(name = "meritocrab.duplicates.lease", defaultValue = "PT2M")
    Duration lease;
    @Inject @ConfigProperty(name = "meritocrab.duplicates.max-attempts", defaultValue = "3")
    int maxAttempts;
    @Inject @ConfigProperty(name = "meritocrab.duplicates.retry-delay", defaultValue = "PT30S")
    Duration retryDelay;
    @Inject @ConfigProperty(name = "meritocrab.duplicates.max-diff-bytes", defaultValue = "1048576")
    int maxDiffBytes;

    public int workers() {
        return Math.max(1, workers);
    }

    public Duration lease() {
        return lease;
    }

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public int maxDiffBytes() {
        return maxDiffBytes;
    }
}
