package io.meritocrab.redelivery;

import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.ReplicaIdentity.EarlierRunLeases;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Lets one server of several run a periodic job: whoever holds the job's lease runs it. The holder is
 * this run of the replica ({@link ReplicaIdentity}), so a restarted server frees its earlier run's
 * leases at once instead of waiting for them to run out.
 */
@ApplicationScoped
public class JobLeases {

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Inject
    ReplicaIdentity identity;

    /** Ends the leases an earlier run of this replica held: that run is dead. */
    void takeBack(@Observes EarlierRunLeases earlier) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement free = connection.prepareStatement("UPDATE job_lease SET valid_until = ? "
                     + "WHERE valid_until > ? AND holder <> ? AND LEFT(holder, ?) = ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            free.setTimestamp(1, now);
            free.setTimestamp(2, now);
            free.setString(3, earlier.currentHolder());
            free.setInt(4, earlier.holderPrefix().length());
            free.setString(5, earlier.holderPrefix());
            free.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not free the job leases of an earlier run", e);
        }
    }

    /** Takes or renews the lease for {@code duration}; false when another server holds it. */
    public boolean acquire(String job, Duration duration) {
        Instant now = Instant.now();
        Timestamp until = Timestamp.from(now.plus(duration));
        String holder = identity.holder();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO job_lease (name, holder, valid_until) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, job);
                insert.setString(2, holder);
                insert.setTimestamp(3, until);
                if (insert.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement take = connection.prepareStatement("UPDATE job_lease SET holder = ?, valid_until = ? "
                    + "WHERE name = ? AND (valid_until < ? OR holder = ?)")) {
                take.setString(1, holder);
                take.setTimestamp(2, until);
                take.setString(3, job);
                take.setTimestamp(4, Timestamp.from(now));
                take.setString(5, holder);
                return take.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lease of job " + job, e);
        }
    }
}
