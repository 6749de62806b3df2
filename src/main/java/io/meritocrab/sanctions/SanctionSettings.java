package io.meritocrab.sanctions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often a server looks for temporary sanction steps whose end has come, and how long it leases one. */
@ApplicationScoped
public class SanctionSettings {

    @Inject @ConfigProperty(name = "meritocrab.sanctions.poll-interval", defaultValue = "PT5S")
    Duration pollInterval;
    @Inject @ConfigProperty(name = "meritocrab.sanctions.lease", defaultValue = "PT1M")
    Duration lease;

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration lease() {
        return lease;
    }
}
