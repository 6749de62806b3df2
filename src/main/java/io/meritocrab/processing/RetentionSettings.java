package io.meritocrab.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long processed deliveries keep their raw payload, and how the retention job runs.
 */
@ApplicationScoped
public class RetentionSettings {

    @Inject @ConfigProperty(name = "meritocrab.retention.payload-age", defaultValue = "P30D")
    String payloadAge;
    @Inject @ConfigProperty(name = "meritocrab.retention.interval", defaultValue = "PT1H")
    Duration interval;
    @Inject @ConfigProperty(name = "meritocrab.retention.batch-size", defaultValue = "500")
    int batchSize;

    public String payloadAge() {
        return payloadAge;
    }

    public Duration interval() {
        return interval;
    }

    public int batchSize() {
        return batchSize;
    }
}
