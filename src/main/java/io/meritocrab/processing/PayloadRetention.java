package io.meritocrab.processing;

import io.meritocrab.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drops the raw payloads of deliveries processed longer ago than the retention age; the delivery row
 * (id, event, outcome, times) and the ledger stay forever. Works in small batches, each its own
 * transaction, and takes rows with SKIP LOCKED, so servers sharing the database may run it together.
 */
@ApplicationScoped
public class PayloadRetention {

    private static final Logger LOG = Logger.getLogger(PayloadRetention.class.getName());
    private static final String EXPIRED = "SELECT id FROM delivery WHERE status = 'PROCESSED' AND processed_at < ? "
            + "AND payload IS NOT NULL ORDER BY processed_at LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String DROP = "UPDATE delivery SET payload = NULL WHERE id = ?";

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject @ConfigProperty(name = "meritocrab.retention.payload-age", defaultValue = "P30D")
    String payloadAge;
    @Inject @ConfigProperty(name = "meritocrab.retention.interval", defaultValue = "PT1H")
    Duration interval;
    @Inject @ConfigProperty(name = "meritocrab.retention.batch-size", defaultValue = "500")
    int batchSize;

    private volatile ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        long periodMillis = Math.max(1000, interval.toMillis());
        // Replicas started together spread their first runs over the interval.
        long firstMillis = Math.min(periodMillis, 1000 + ThreadLocalRandom.current().nextLong(periodMillis));
        schedule = scheduler.scheduleWithFixedDelay(this::runQuietly, firstMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Drops every expired payload and returns how many. */
    public int dropExpiredPayloads() throws SQLException {
        Instant cutoff = Instant.now().minus(age());
        int dropped = 0;
        int batch;
        do {
            batch = dropBatch(Timestamp.from(cutoff));
            dropped += batch;
        } while (batch == batchSize);
        return dropped;
    }

    Duration age() {
        return parseAge(payloadAge);
    }

    /** ISO-8601: a period in days, months or years (P30D; a month counts 30 days) or a duration (PT12H). */
    public static Duration parseAge(String value) {
        String iso = value.trim().toUpperCase(Locale.ROOT);
        if (iso.contains("T")) {
            return Duration.parse(iso);
        }
        Period period = Period.parse(iso);
        return Duration.ofDays(period.getDays() + period.toTotalMonths() * 30);
    }

    private void runQuietly() {
        try {
            int dropped = dropExpiredPayloads();
            if (dropped > 0) {
                LOG.info(() -> "retention: dropped the payloads of " + dropped + " deliveries processed more than "
                        + payloadAge + " ago");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "retention: could not drop expired payloads; trying again in " + interval, e);
        }
    }

    private int dropBatch(Timestamp cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement expired = connection.prepareStatement(EXPIRED)) {
                    expired.setTimestamp(1, cutoff);
                    expired.setInt(2, batchSize);
                    try (ResultSet rows = expired.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
                try (PreparedStatement drop = connection.prepareStatement(DROP)) {
                    for (long id : ids) {
                        drop.setLong(1, id);
                        drop.addBatch();
                    }
                    if (!ids.isEmpty()) {
                        drop.executeBatch();
                    }
                }
                connection.commit();
                return ids.size();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }
}
