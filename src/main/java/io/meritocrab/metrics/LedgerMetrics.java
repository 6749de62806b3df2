package io.meritocrab.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Counts evaluations by provider and outcome, and the credit the ledger moves. Counts made inside a
 * transaction are taken when it commits, so a rolled-back attempt that is retried is counted once.
 */
@ApplicationScoped
public class LedgerMetrics {

    @Inject
    MetricRegistry registry;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private TaggedCounters evaluations;
    private TaggedCounters changes;
    private TaggedCounters points;

    @PostConstruct
    void register() {
        evaluations = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.EVALUATIONS,
                "Evaluations by provider and outcome (the classification, or error)", MetricUnits.NONE),
                "provider", "outcome");
        changes = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.CREDIT_CHANGES,
                "Ledger entries by kind and direction of the applied delta", MetricUnits.NONE), "kind", "direction");
        points = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.CREDIT_POINTS,
                "Credit points gained or lost, by entry kind", MetricUnits.NONE), "kind", "direction");
    }

    public void evaluation(String provider, String outcome) {
        afterCommit(() -> evaluations.counter(provider, outcome.toLowerCase(Locale.ROOT)).inc());
    }

    /** An evaluator that failed: counted at once, since its transaction will not commit. */
    public void evaluationFailed(String provider) {
        evaluations.counter(provider, "error").inc();
    }

    public void creditChange(String kind, int appliedDelta) {
        String direction = appliedDelta > 0 ? "gain" : appliedDelta < 0 ? "loss" : "none";
        String label = kind.toLowerCase(Locale.ROOT);
        afterCommit(() -> {
            changes.counter(label, direction).inc();
            if (appliedDelta != 0) {
                points.counter(label, direction).inc(Math.abs(appliedDelta));
            }
        });
    }

    private void afterCommit(Runnable count) {
        if (transactions.getTransactionKey() == null) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
