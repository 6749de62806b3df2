package io.meritocrab.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gate's settings: the range of a shadow close's random delay, in seconds.
 */
@ApplicationScoped
public class GateSettings {

    @Inject @ConfigProperty(name = "meritocrab.shadow-close.min-delay", defaultValue = "30")
    long shadowCloseMinDelaySeconds;
    @Inject @ConfigProperty(name = "meritocrab.shadow-close.max-delay", defaultValue = "120")
    long shadowCloseMaxDelaySeconds;

    public long shadowCloseMinDelaySeconds() {
        return shadowCloseMinDelaySeconds;
    }

    public long shadowCloseMaxDelaySeconds() {
        return shadowCloseMaxDelaySeconds;
    }
}
