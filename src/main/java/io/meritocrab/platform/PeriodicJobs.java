package io.meritocrab.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Lets one server of several run a periodic job. Each job is a row of the {@code periodic_job} queue whose
 * due time is the job's next run; a server that takes the run leases the row until the next one, so every
 * other server finds it not due. A server that dies during a run leaves nothing to clean up: the next run
 * is due when the lease ends, or at once when that server is restarted. A job's row is added by the
 * migration that introduces the job.
 */
@ApplicationScoped
public class PeriodicJobs {

    private static final LeasedQueue JOBS = new LeasedQueue("periodic_job", "id", "next_run_at", "TRUE");

    @Inject
    ReplicaIdentity identity;
    private DataSource dataSource;
    private final Supplier<String> holder;

    PeriodicJobs() {
        // for CDI, which injects the database and the identity
        holder = () -> identity.holder();
    }

    @Inject
    void use(Database database) {
        this.dataSource = database;
    }

    public PeriodicJobs(DataSource dataSource, String holder) {
        this.dataSource = dataSource;
        this.holder = () -> holder;
    }

    /** Takes the job's run if it is due and no other server has taken it; the next run is due after {@code every}. */
    public boolean takeDueRun(String job, Duration every) {
        try {
            return !JOBS.claim(dataSource, Instant.now(), every, holder.get(), 1, "name = ?", List.of(job), "",
                    (lease, row) -> lease).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the run of job " + job, e);
        }
    }

    /** Makes the runs a dead earlier run of this replica had taken due at once. */
    public void takeBack(@Observes EarlierRunLeases earlier) {
        try {
            JOBS.takeBack(dataSource, Instant.now(), earlier.holderPrefix(), earlier.currentHolder());
        } catch (SQLException e) {
            throw new IllegalStateException("could not take back the periodic jobs of an earlier run", e);
        }
    }
}
