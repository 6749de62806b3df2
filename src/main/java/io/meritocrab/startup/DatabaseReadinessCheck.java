package io.meritocrab.startup;

import io.meritocrab.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and every migration has been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    Database dataSource;
    @Inject
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean reachable = connection.isValid(2);
            boolean migrated = migration.migrated();
            response.withData("reachable", reachable).withData("migrated", migrated);
            if (migration.failure() != null) {
                response.withData("error", "migration failed; see the server log");
            }
            return response.status(reachable && migrated).build();
        } catch (SQLException e) {
            return response.withData("reachable", false).withData("error", e.getClass().getSimpleName()).down().build();
        }
    }
}
