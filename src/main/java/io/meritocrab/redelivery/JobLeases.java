package io.meritocrab.redelivery;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Lets one server of several run a periodic job: whoever holds the job's lease runs it. */
@ApplicationScoped
public class JobLeases {

    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;

    /** Takes or renews the lease for {@code duration}; false when another server holds it. */
    public boolean acquire(String job, Duration duration) {
        Instant now = Instant.now();
        Timestamp until = Timestamp.from(now.plus(duration));
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
