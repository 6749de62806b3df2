package io.meritocrab.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when the startup validation found a bad setting. It is a liveness check too, so an orchestrator
 * restarts the server, which validates again (a database that was not up yet may be by then).
 */
@Readiness
@Liveness
@ApplicationScoped
public class ConfigurationCheck implements HealthCheck {

    @Inject
    StartupValidation validation;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration");
        if (validation.problems().isEmpty()) {
            return response.up().build();
        }
        return response.withData("problems", String.join("; ", validation.problems())).down().build();
    }
}
