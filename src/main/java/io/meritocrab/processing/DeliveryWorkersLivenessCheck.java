package io.meritocrab.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while every delivery worker thread is running; a dead worker needs a restart. */
@Liveness
@ApplicationScoped
public class DeliveryWorkersLivenessCheck implements HealthCheck {

    @Inject
    DeliveryWorkers workers;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("delivery-workers").status(workers.healthy()).build();
    }
}
