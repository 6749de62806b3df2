package io.meritocrab.platform;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory database of the embedded default's kind (H2, PostgreSQL mode), migrated as a server migrates it. */
public final class MigratedH2 {

    private MigratedH2() {
    }

    public static JdbcDataSource named(String prefix) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        return database;
    }
}
