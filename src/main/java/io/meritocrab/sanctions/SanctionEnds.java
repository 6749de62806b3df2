package io.meritocrab.sanctions;

import io.meritocrab.ledger.Sanctions;
import io.meritocrab.ledger.Sanctions.DueEnd;
import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends temporary sanction steps when their time comes: the other side of the `sanction` queue that
 * {@link Sanctions} owns. Every server polls it; a due end is leased to one of them and carried out by
 * {@link SanctionEnder} in a transaction of its own, so each step ends once however many servers run, and
 * a step due while every server was down ends at the next start.
 */
@ApplicationScoped
public class SanctionEnds {

    private static final Logger LOG = Logger.getLogger(SanctionEnds.class.getName());
    private static final int BATCH = 20;

    @Inject
    SanctionSettings settings;
    @Inject
    Sanctions sanctions;
    @Inject
    SanctionEnder ender;
    @Inject
    ReplicaIdentity identity;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        long period = Math.max(100, settings.pollInterval().toMillis());
        schedule = scheduler.scheduleWithFixedDelay(this::endDueSteps, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void endDueSteps() {
        try {
            for (DueEnd end : sanctions.claimDueEnds(BATCH, settings.lease(), identity.holder())) {
                ender.end(end);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ending sanction steps: " + e.getMessage(), e);
        }
    }
}
