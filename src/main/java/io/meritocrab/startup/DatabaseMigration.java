package io.meritocrab.startup;

import io.meritocrab.platform.Database;
import io.meritocrab.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned migrations when the application starts; JPA never
 * generates schema. It runs only when the startup validation passes; until it succeeds the server is
 * not ready and refuses webhooks. On a new database Liberty may create its timer tables and sequence
 * (MERITOCRAB_TIMER_*) before the first migration runs, at any moment of it. Flyway refuses a schema
 * that is not empty and has no history, so such a schema is given an empty baseline (version 0) and
 * every migration runs; one that holds other tables of the same names fails on its first migration.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Inject
    Database dataSource;
    @Inject
    Event<SchemaReady> schemaReady;
    @Inject
    StartupValidation validation;

    private volatile boolean migrated;
    private volatile String failure;

    void migrateOnStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!validation.validate()) {
            failure = "the configuration is invalid";
            return;
        }
        try {
            MigrateResult result = flyway().migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.log(Level.SEVERE, "Database migration failed; the server will not serve until it is fixed", e);
            return;
        }
        // Intake and processing start on this event; only then is the server ready.
        schemaReady.fire(new SchemaReady());
        migrated = true;
    }

    public boolean migrated() {
        return migrated;
    }

    /** The migrations applied to the database, oldest first ("1: ledger and inbox"); empty when unknown. */
    public List<String> applied() {
        try {
            // The baseline Flyway records (Liberty's timer tables were there first) is no migration.
            return Arrays.stream(flyway().info().applied()).filter(info -> !info.getType().isBaseline())
                    .map(info -> info.getVersion() + ": " + info.getDescription()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public String failure() {
        return failure;
    }

    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Shared migrations, then those for one database only (db/vendor/postgresql, db/vendor/h2).
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
                // Liberty's persistent timers create their tables (MERITOCRAB_TIMER_*) in the same schema as
                // soon as the EJB container starts, which can be before this runs on a busy machine: a schema
                // without Flyway's history is taken as empty (version 0) and every migration applies.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
