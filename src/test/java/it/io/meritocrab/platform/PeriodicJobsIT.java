package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.platform.EarlierRunLeases;
import io.meritocrab.platform.PeriodicJobs;
import it.io.meritocrab.support.ItEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Periodic jobs on real PostgreSQL, on a schema the migrations built (so V50's table is what is tested):
 * of several servers only one takes a due run, nobody takes it again before the next run is due, and a
 * server that took a run and died leaves the next run to whoever comes after it, or, restarted, takes the
 * run again at once.
 */
class PeriodicJobsIT {

    private static final String JOB = "redelivery-reconciler";
    private static DataSource database;

    @BeforeAll
    static void migratedSchema() throws SQLException {
        database = ItEnvironment.freshDatabase("periodic_jobs_it");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
    }

    @Test
    void ofServersSharingTheDatabaseOnlyOneTakesADueRun() throws SQLException {
        makeDue(JOB);
        PeriodicJobs first = new PeriodicJobs(database, "replica-1/run-1");
        PeriodicJobs second = new PeriodicJobs(database, "replica-2/run-1");

        assertThat(first.takeDueRun(JOB, Duration.ofMinutes(5))).isTrue();
        assertThat(second.takeDueRun(JOB, Duration.ofMinutes(5))).isFalse();
        assertThat(first.takeDueRun(JOB, Duration.ofMinutes(5))).isFalse();
        assertThat(nextRun(JOB)).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
    }

    @Test
    void theNextRunIsDueOnceTheIntervalHasPassedWhoeverTookTheLastOne() throws Exception {
        makeDue(JOB);
        PeriodicJobs died = new PeriodicJobs(database, "replica-1/run-1");
        PeriodicJobs survivor = new PeriodicJobs(database, "replica-2/run-1");

        assertThat(died.takeDueRun(JOB, Duration.ofMillis(300))).isTrue();
        assertThat(survivor.takeDueRun(JOB, Duration.ofMillis(300))).isFalse();
        Thread.sleep(500);
        assertThat(survivor.takeDueRun(JOB, Duration.ofMillis(300))).isTrue();
    }

    @Test
    void aRestartedServerTakesTheRunItsDeadEarlierRunHadTakenAtOnce() throws SQLException {
        makeDue(JOB);
        PeriodicJobs died = new PeriodicJobs(database, "replica-1/run-1");
        PeriodicJobs restarted = new PeriodicJobs(database, "replica-1/run-2");
        assertThat(died.takeDueRun(JOB, Duration.ofHours(1))).isTrue();
        assertThat(restarted.takeDueRun(JOB, Duration.ofHours(1))).isFalse();

        restarted.takeBack(new EarlierRunLeases("replica-1/", "replica-1/run-2"));

        assertThat(restarted.takeDueRun(JOB, Duration.ofHours(1))).isTrue();
    }

    @Test
    void aJobWithoutItsRowIsNeverRun() {
        assertThat(new PeriodicJobs(database, "replica-1/run-1").takeDueRun("no-such-job", Duration.ofMinutes(5))).isFalse();
    }

    private static void makeDue(String job) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement due = connection.prepareStatement("UPDATE periodic_job SET next_run_at = ? WHERE name = ?")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            due.setString(2, job);
            assertThat(due.executeUpdate()).as("the migration's row of " + job).isEqualTo(1);
        }
    }

    private static Instant nextRun(String job) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT next_run_at FROM periodic_job WHERE name = ?")) {
            read.setString(1, job);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
