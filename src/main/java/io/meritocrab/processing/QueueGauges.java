package io.meritocrab.processing;

import io.meritocrab.inbox.Deliveries;
import io.meritocrab.inbox.InboxDepth;
import io.meritocrab.metrics.MetricNames;
import io.meritocrab.metrics.MetricsSettings;
import io.meritocrab.metrics.TaggedCounters;
import io.meritocrab.outbox.GitHubOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    @Inject
    MetricsSettings settings;
    @Inject
    Deliveries deliveries;
    @Inject
    GitHubOutbox outbox;
    @Inject
    MetricRegistry registry;

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
        if (last.takenAt() != Long.MIN_VALUE && now - last.takenAt() < settings.gaugeCache().toNanos()) {
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
        try {
            InboxDepth inbox = deliveries.depth();
            double oldestAge = inbox.oldestPendingReceivedAt() == null ? 0 : Math.max(0,
                    Duration.between(inbox.oldestPendingReceivedAt(), Instant.now()).toMillis() / 1000.0);
            return new Snapshot(inbox.pending(), oldestAge, inbox.failed(), outbox.pendingShadowCloses(), now);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Queue gauges could not be read", e);
            return new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, now);
        }
    }
}
