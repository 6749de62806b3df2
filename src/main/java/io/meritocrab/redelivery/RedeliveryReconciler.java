package io.meritocrab.redelivery;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.GitHubSettings;
import io.meritocrab.github.HookDelivery;
import io.meritocrab.platform.PeriodicJobs;
import io.meritocrab.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * GitHub does not retry a webhook it failed to deliver (the server was down, a proxy timed out). Every
 * few minutes one server reads the App's delivery log for the last days GitHub can still redeliver
 * and asks GitHub to send each missed delivery again, once.
 */
@ApplicationScoped
public class RedeliveryReconciler {

    private static final Logger LOG = Logger.getLogger(RedeliveryReconciler.class.getName());
    private static final String JOB = "redelivery-reconciler";

    @Inject
    RedeliverySettings redelivery;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    GitHubClient github;
    @Inject
    GitHubSettings settings;
    @Inject
    PeriodicJobs jobs;
    @Inject
    RedeliveryLog redeliveries;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        if (!settings.appConfigured() || redelivery.interval().isZero() || redelivery.interval().isNegative()) {
            return;
        }
        long period = redelivery.interval().toMillis();
        schedule = scheduler.scheduleWithFixedDelay(this::runGuarded, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void runGuarded() {
        try {
            if (jobs.takeDueRun(JOB, redelivery.interval())) {
                reconcile();
            }
        } catch (GitHubException e) {
            LOG.log(Level.WARNING, "missed-delivery check: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "missed-delivery check failed", e);
        }
    }

    /** Asks GitHub to redeliver what it failed to deliver; returns how many were asked for. */
    public int reconcile() {
        List<HookDelivery> log = github.hookDeliveriesSince(Instant.now().minus(redelivery.window()));
        List<HookDelivery> missed = MissedDeliveries.in(log,
                redeliveries.known(log.stream().map(HookDelivery::guid).distinct().toList()));
        int asked = 0;
        for (HookDelivery delivery : missed) {
            if (asked >= redelivery.maxPerRun()) {
                break;
            }
            if (!redeliveries.record(delivery.guid(), delivery.id(), delivery.event())) {
                continue;
            }
            try {
                github.redeliver(delivery.id());
                asked++;
                LOG.info(() -> "asked GitHub to redeliver " + delivery.guid() + " (" + delivery.event()
                        + ", last attempt " + delivery.deliveredAt() + " answered " + delivery.statusCode() + ")");
            } catch (GitHubException e) {
                redeliveries.forget(delivery.guid());
                throw e;
            }
        }
        return asked;
    }
}
