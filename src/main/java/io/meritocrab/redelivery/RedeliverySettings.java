package io.meritocrab.redelivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often the server asks GitHub for deliveries it missed, how far back, and how many it asks for
 * again in one run.
 */
@ApplicationScoped
public class RedeliverySettings {

    @Inject @ConfigProperty(name = "meritocrab.github.redelivery.interval", defaultValue = "PT5M")
    Duration interval;
    @Inject @ConfigProperty(name = "meritocrab.github.redelivery.window", defaultValue = "PT71H")
    Duration window;
    @Inject @ConfigProperty(name = "meritocrab.github.redelivery.max-per-run", defaultValue = "100")
    int maxPerRun;

    public Duration interval() {
        return interval;
    }

    public Duration window() {
        return window;
    }

    public int maxPerRun() {
        return maxPerRun;
    }
}
