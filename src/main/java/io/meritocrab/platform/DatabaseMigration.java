package io.meritocrab.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned migrations when the application starts; JPA never
 * generates schema. It runs only when the startup validation passes; until it succeeds the server is
 * not ready and refuses webhooks.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
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
                // Shared migrations, then those for one database only (db/vendor/postgresql, db/vendor/h2).
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
                // Liberty creates its timer tables (MERITOCRAB_TIMER_*) when its persistent executor first
                // polls, which on a busy machine can be before this first migration: a schema holding
                // tables but no history is then taken as at version 0, and every migration still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
