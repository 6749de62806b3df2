package io.meritocrab.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long one round of database-backed gauges serves scrapes.
 */
@ApplicationScoped
public class MetricsSettings {

    @Inject @ConfigProperty(name = "meritocrab.metrics.gauge-cache", defaultValue = "PT5S")
    Duration gaugeCache;

    public Duration gaugeCache() {
        return gaugeCache;
    }
}
