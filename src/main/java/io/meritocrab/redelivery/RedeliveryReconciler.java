package io.meritocrab.redelivery;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.GitHubSettings;
import io.meritocrab.github.HookDelivery;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GitHub does not retry a webhook it failed to deliver (the server was down, a proxy timed out). Every
 * few minutes one server reads the App's delivery log for the last days GitHub can still redeliver
 * and asks GitHub to send each missed delivery again, once.
 */
@ApplicationScoped
public class RedeliveryReconciler {

    private static final Logger LOG = Logger.getLogger(RedeliveryReconciler.class.getName());
    private static final String JOB = "redelivery-reconciler";

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    GitHubClient github;
    @Inject
    GitHubSettings settings;
    @Inject
    JobLeases leases;
    @Inject
    RedeliveryLog redeliveries;
    @Inject @ConfigProperty(name = "meritocrab.github.redelivery.interval", defaultValue = "PT5M")
    Duration interval;
    /** GitHub redelivers deliveries of the last three days; a little less leaves room for clock skew. */
    @Inject @ConfigProperty(name = "meritocrab.github.redelivery.window", defaultValue = "PT71H")
    Duration window;
    @Inject @ConfigProperty(name = "meritocrab.github.redelivery.max-per-run", defaultValue = "100")
    int maxPerRun;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        if (!settings.appConfigured() || interval.isZero() || interval.isNegative()) {
            return;
        }
        schedule = scheduler.scheduleWithFixedDelay(this::runGuarded, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void runGuarded() {
        try {
            if (leases.acquire(JOB, interval)) {
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
        List<HookDelivery> log = github.hookDeliveriesSince(Instant.now().minus(window));
        List<HookDelivery> missed = MissedDeliveries.in(log,
                redeliveries.known(log.stream().map(HookDelivery::guid).distinct().toList()));
        int asked = 0;
        for (HookDelivery delivery : missed) {
            if (asked >= maxPerRun) {
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
