package io.meritocrab.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Gauges read from the database: the inbox's depth and oldest pending delivery, parked failures and
 * pending shadow closes. One round of cheap indexed queries serves every gauge for a few seconds, so
 * scrapes by several Prometheus servers do not add up; until the database answers they read NaN.
 */
@ApplicationScoped
public class QueueGauges {

    private static final Logger LOG = Logger.getLogger(QueueGauges.class.getName());
    private static final String INBOX = "SELECT COUNT(*), MIN(received_at) FROM delivery WHERE status = 'PENDING'";
    private static final String FAILED = "SELECT COUNT(*) FROM delivery WHERE status = 'FAILED'";
    private static final String SHADOW_CLOSES = "SELECT COUNT(*) FROM enforcement_action "
            + "WHERE status = 'PENDING' AND decision = 'SHADOW_CLOSE'";

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Inject
    MetricRegistry registry;
    @Inject @ConfigProperty(name = "meritocrab.metrics.gauge-cache", defaultValue = "PT5S")
    Duration cacheFor;

    private volatile Snapshot snapshot = new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Long.MIN_VALUE);

    private record Snapshot(double pending, double oldestAgeSeconds, double failed, double shadowCloses, long takenAt) {
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(TaggedCounters.metadata(MetricNames.QUEUE_DEPTH, "Deliveries waiting to be processed",
                MetricUnits.NONE), this, gauges -> gauges.current().pending());
        registry.gauge(TaggedCounters.metadata(MetricNames.OLDEST_PENDING_AGE,
                "Age of the oldest delivery waiting to be processed", MetricUnits.SECONDS), this,
                gauges -> gauges.current().oldestAgeSeconds());
        registry.gauge(TaggedCounters.metadata(MetricNames.FAILED_DELIVERIES,
                "Deliveries parked as failed, waiting for a retry", MetricUnits.NONE), this,
                gauges -> gauges.current().failed());
        registry.gauge(TaggedCounters.metadata(MetricNames.PENDING_SHADOW_CLOSES,
                "Shadow closes decided and not yet carried out", MetricUnits.NONE), this,
                gauges -> gauges.current().shadowCloses());
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        long now = System.nanoTime();
        if (last.takenAt() != Long.MIN_VALUE && now - last.takenAt() < cacheFor.toNanos()) {
            return last;
        }
        synchronized (this) {
            if (snapshot != last) {
                return snapshot;
            }
            snapshot = read(now);
            return snapshot;
        }
    }

    private Snapshot read(long now) {
        try (Connection connection = dataSource.getConnection()) {
            double pending;
            double oldestAge;
            try (PreparedStatement inbox = connection.prepareStatement(INBOX); ResultSet row = inbox.executeQuery()) {
                row.next();
                pending = row.getLong(1);
                Timestamp oldest = row.getTimestamp(2);
                oldestAge = oldest == null ? 0 : Math.max(0,
                        Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
            }
            return new Snapshot(pending, oldestAge, count(connection, FAILED), count(connection, SHADOW_CLOSES), now);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Queue gauges could not be read", e);
            return new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, now);
        }
    }

    private static double count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
