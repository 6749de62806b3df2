package io.meritocrab.processing;

import io.meritocrab.inbox.Deliveries;
import io.meritocrab.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drops the raw payloads of deliveries processed longer ago than the retention age; the delivery row
 * (id, event, outcome, times) and the ledger stay forever. Works in small batches, each its own
 * transaction, and takes rows with SKIP LOCKED, so servers sharing the database may run it together.
 */
@ApplicationScoped
public class PayloadRetention {

    private static final Logger LOG = Logger.getLogger(PayloadRetention.class.getName());

    @Inject
    RetentionSettings settings;
    @Inject
    Deliveries deliveries;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        long periodMillis = Math.max(1000, settings.interval().toMillis());
        // Replicas started together spread their first runs over the settings.interval().
        long firstMillis = Math.min(periodMillis, 1000 + ThreadLocalRandom.current().nextLong(periodMillis));
        schedule = scheduler.scheduleWithFixedDelay(this::runQuietly, firstMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Drops every expired payload and returns how many. */
    public int dropExpiredPayloads() throws SQLException {
        Instant cutoff = Instant.now().minus(age());
        int dropped = 0;
        int batch;
        do {
            batch = deliveries.dropPayloadsProcessedBefore(cutoff, settings.batchSize());
            dropped += batch;
        } while (batch == settings.batchSize());
        return dropped;
    }

    Duration age() {
        return parseAge(settings.payloadAge());
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
                        + settings.payloadAge() + " ago");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "retention: could not drop expired payloads; trying again in " + settings.interval(), e);
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
