package io.meritocrab.processing;

import io.meritocrab.inbox.Claim;
import io.meritocrab.inbox.Deliveries;
import io.meritocrab.inbox.DeliveryInbox;
import io.meritocrab.inbox.DeliverySignal;
import io.meritocrab.inbox.WorkerShare;
import io.meritocrab.metrics.DeliveryMetrics;
import io.meritocrab.platform.SchemaReady;
import io.meritocrab.platform.WorkerThreads;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the inbox after webhooks are answered. Each worker leases a few due deliveries and
 * processes them together in one transaction, or one transaction each when that fails (so a failure is
 * recorded against its own delivery); when none are due it waits for new ones or for the poll
 * interval, so deliveries left behind by a crash, a restart or a failed attempt are swept up too.
 * Each worker leases from its own share of the inbox first ({@link WorkerShare}: one contributor's
 * deliveries fall to one worker), so a contributor flooding the inbox does not make the workers queue
 * for one row lock.
 * While webhooks pour in, processing steps aside (see {@link IntakePressure}): the first worker goes on
 * at a trickle of one delivery every {@value #TRICKLE_PAUSE_MILLIS} ms, the others wait. Deliveries a
 * worker had leased when the database failed are handed back once it answers again.
 */
@ApplicationScoped
public class DeliveryWorkers {

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class.getName());
    private static final long YIELD_MILLIS = 100;
    private static final long TRICKLE_PAUSE_MILLIS = 100;

    @Inject
    DeliverySettings settings;
    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    Deliveries deliveries;
    @Inject
    DeliveryProcessor processor;
    @Inject
    DeliveryFailures failures;
    @Inject
    DeliverySignal signal;
    @Inject
    DeliveryInbox inbox;
    @Inject
    DeliveryMetrics metrics;

    private final WorkerThreads workers = new WorkerThreads();
    private volatile boolean running;
    private RetryPolicy retryPolicy;
    private IntakePressure intakePressure;

    void start(@Observes SchemaReady ready) {
        retryPolicy = new RetryPolicy(settings.retryBase(), settings.retryCap(), settings.maxAttempts());
        intakePressure = new IntakePressure(inbox::submittedSoFar, System::nanoTime, settings.yieldToIntakeAbove());
        running = true;
        int count = settings.workerCount();
        workers.start(threadFactory, "meritocrab-delivery", count, i -> () -> workUntilStopped(new WorkerShare(i, count)));
        LOG.info(() -> "Started " + workers.size() + " delivery workers");
    }

    public boolean healthy() {
        return !running || workers.allAlive();
    }

    /** The first worker keeps a trickle going during a burst, so a backlog never stands still. */
    private void workUntilStopped(WorkerShare share) {
        boolean first = share.index() == 0;
        long seen = signal.generation();
        List<Claim> unfinished = new ArrayList<>();
        while (running) {
            try {
                if (!unfinished.isEmpty()) {
                    // Leased when the database failed (it could not even record the failure): handed back
                    // as soon as it answers again, so they are due at once instead of when the lease ends.
                    deliveries.release(unfinished);
                    unfinished.clear();
                }
                boolean underPressure = intakePressure.high();
                if (underPressure) {
                    Thread.sleep(first ? TRICKLE_PAUSE_MILLIS : YIELD_MILLIS);
                    if (!first) {
                        continue;
                    }
                }
                List<Claim> leased = underPressure ? deliveries.claimDue(1, settings.lease()) : claim(share);
                unfinished.addAll(leased);
                List<Claim> oneAtATime = attemptTogether(leased) ? List.of() : leased;
                for (int i = 0; i < oneAtATime.size(); i++) {
                    if (!running) {
                        deliveries.release(oneAtATime.subList(i, oneAtATime.size()));
                        break;
                    }
                    unfinished.clear();
                    unfinished.addAll(oneAtATime.subList(i, oneAtATime.size()));
                    attempt(oneAtATime.get(i));
                }
                unfinished.clear();
                if (leased.isEmpty()) {
                    seen = signal.await(seen, settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Delivery worker could not lease deliveries; retrying", e);
                WorkerThreads.sleepQuietly(settings.pollInterval());
            }
        }
    }

    /**
     * The worker's own share first, then any due deliveries, so none waits while a worker is idle. What
     * does not fit in the batch's payload budget is handed back at once, due for the next lease.
     */
    private List<Claim> claim(WorkerShare share) throws SQLException {
        List<Claim> leased = share.count() > 1
                ? deliveries.claimDue(settings.claimBatch(), settings.lease(), share) : List.of();
        if (leased.isEmpty()) {
            leased = deliveries.claimDue(settings.claimBatch(), settings.lease());
        }
        List<Claim> kept = PayloadBudget.leadingWithin(leased, PayloadBudget.BYTES_PER_BATCH);
        if (kept.size() < leased.size()) {
            deliveries.release(leased.subList(kept.size(), leased.size()));
        }
        return kept;
    }

    /** @return false when the deliveries are to be attempted one at a time instead */
    private boolean attemptTogether(List<Claim> leased) {
        if (leased.size() < 2 || leased.stream().anyMatch(claim -> claim.attempt() > retryPolicy.maxAttempts())) {
            return false;
        }
        long started = System.nanoTime();
        Map<Claim, String> outcomes;
        try {
            outcomes = processor.processTogether(leased);
        } catch (RuntimeException | SQLException e) {
            LOG.fine(() -> leased.size() + " deliveries rolled back together (" + DeliveryFailures.describe(e)
                    + "); attempting them one at a time");
            return false;
        }
        // The transaction's time, shared out: what each delivery cost.
        Duration each = Duration.ofNanos((System.nanoTime() - started) / leased.size());
        for (Claim claim : leased) {
            String outcome = outcomes.get(claim);
            if (outcome != null) {
                metrics.attempt(claim.event(), "processed", each);
                LOG.info(() -> "delivery=" + claim.deliveryId() + " event=" + claim.event() + " attempt="
                        + claim.attempt() + " outcome=processed result=" + outcome + " ms=" + each.toMillis()
                        + " together=" + leased.size());
            }
        }
        return true;
    }

    private void attempt(Claim claim) throws SQLException {
        if (claim.attempt() > retryPolicy.maxAttempts()) {
            failures.giveUp(claim);
            metrics.attempt(claim.event(), "failed", Duration.ZERO);
            LOG.warning(() -> "delivery=" + claim.deliveryId() + " outcome=failed reason=attempts exhausted");
            return;
        }
        long started = System.nanoTime();
        try {
            String outcome = processor.process(claim);
            if (outcome != null) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                metrics.attempt(claim.event(), "processed", took);
                LOG.info(() -> "delivery=" + claim.deliveryId() + " event=" + claim.event() + " attempt="
                        + claim.attempt() + " outcome=processed result=" + outcome + " ms=" + took.toMillis());
            }
        } catch (RuntimeException | SQLException e) {
            boolean parked = failures.record(claim, e, retryPolicy);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.attempt(claim.event(), parked ? "failed" : "retrying", took);
            LOG.log(Level.WARNING, "delivery=" + claim.deliveryId() + " event=" + claim.event() + " attempt="
                    + claim.attempt() + (parked ? " outcome=failed" : " outcome=retrying") + " ms=" + took.toMillis()
                    + " error=" + DeliveryFailures.describe(e));
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.wake();
        workers.join(Duration.ofSeconds(10));
    }
}
