package io.meritocrab.processing;

import io.meritocrab.intake.DeliveryInbox;
import io.meritocrab.intake.DeliverySignal;
import io.meritocrab.metrics.DeliveryMetrics;
import io.meritocrab.platform.SchemaReady;
import io.meritocrab.platform.WorkerThreads;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Processes the inbox after webhooks are answered. Each worker leases a few due deliveries and
 * processes them one transaction each; when none are due it waits for new ones or for the poll
 * interval, so deliveries left behind by a crash, a restart or a failed attempt are swept up too.
 * While webhooks pour in, processing steps aside (see {@link IntakePressure}): the first worker goes on
 * at a trickle of one delivery every {@value #TRICKLE_PAUSE_MILLIS} ms, the others wait. Deliveries a
 * worker had leased when the database failed are handed back once it answers again.
 */
@ApplicationScoped
public class DeliveryWorkers {

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class.getName());
    private static final long YIELD_MILLIS = 100;
    private static final long TRICKLE_PAUSE_MILLIS = 100;

    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    DeliveryClaims claims;
    @Inject
    DeliveryProcessor processor;
    @Inject
    DeliveryFailures failures;
    @Inject
    DeliverySignal signal;
    @Inject @ConfigProperty(name = "meritocrab.delivery.workers", defaultValue = "3")
    int workerCount;
    @Inject @ConfigProperty(name = "meritocrab.delivery.claim-batch", defaultValue = "8")
    int claimBatch;
    @Inject @ConfigProperty(name = "meritocrab.delivery.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;
    @Inject @ConfigProperty(name = "meritocrab.delivery.retry-base", defaultValue = "PT10S")
    Duration retryBase;
    @Inject @ConfigProperty(name = "meritocrab.delivery.retry-cap", defaultValue = "PT30M")
    Duration retryCap;
    @Inject @ConfigProperty(name = "meritocrab.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;
    @Inject @ConfigProperty(name = "meritocrab.delivery.yield-to-intake-above", defaultValue = "200")
    double yieldToIntakeAbove;
    @Inject
    DeliveryInbox inbox;
    @Inject
    DeliveryMetrics metrics;

    private final WorkerThreads workers = new WorkerThreads();
    private volatile boolean running;
    private RetryPolicy retryPolicy;
    private IntakePressure intakePressure;

    void start(@Observes SchemaReady ready) {
        retryPolicy = new RetryPolicy(retryBase, retryCap, maxAttempts);
        intakePressure = new IntakePressure(inbox::submittedSoFar, System::nanoTime, yieldToIntakeAbove);
        running = true;
        workers.start(threadFactory, "meritocrab-delivery", workerCount, i -> () -> workUntilStopped(i == 0));
        LOG.info(() -> "Started " + workers.size() + " delivery workers");
    }

    public boolean healthy() {
        return !running || workers.allAlive();
    }

    /** The first worker keeps a trickle going during a burst, so a backlog never stands still. */
    private void workUntilStopped(boolean first) {
        long seen = signal.generation();
        List<Claim> unfinished = new ArrayList<>();
        while (running) {
            try {
                if (!unfinished.isEmpty()) {
                    // Leased when the database failed (it could not even record the failure): handed back
                    // as soon as it answers again, so they are due at once instead of when the lease ends.
                    claims.release(unfinished);
                    unfinished.clear();
                }
                boolean underPressure = intakePressure.high();
                if (underPressure) {
                    Thread.sleep(first ? TRICKLE_PAUSE_MILLIS : YIELD_MILLIS);
                    if (!first) {
                        continue;
                    }
                }
                List<Claim> leased = claims.claimDue(underPressure ? 1 : claimBatch);
                for (int i = 0; i < leased.size(); i++) {
                    if (!running) {
                        claims.release(leased.subList(i, leased.size()));
                        break;
                    }
                    unfinished.clear();
                    unfinished.addAll(leased.subList(i, leased.size()));
                    attempt(leased.get(i));
                }
                unfinished.clear();
                if (leased.isEmpty()) {
                    seen = signal.awaitArrival(seen, pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Delivery worker could not lease deliveries; retrying", e);
                WorkerThreads.sleepQuietly(pollInterval);
            }
        }
    }

    private void attempt(Claim claim) {
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
        } catch (RuntimeException e) {
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
        signal.deliveriesArrived();
        workers.join(Duration.ofSeconds(10));
    }
}
