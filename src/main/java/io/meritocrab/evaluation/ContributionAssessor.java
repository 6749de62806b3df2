package io.meritocrab.evaluation;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.metrics.LedgerMetrics;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Evaluates a contribution, stores the evaluation, and applies its delta when the evaluator is sure
 * enough; otherwise the evaluation waits in the review queue. Blacklisted contributors earn nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContributionAssessor {

    private static final Duration SAME_TEXT_WINDOW = Duration.ofDays(30);

    @Inject
    Evaluator evaluator;
    @Inject
    CreditLedger ledger;
    @Inject
    LedgerMetrics metrics;
    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** How many other repositories received exactly this text lately. */
    public int repositoriesWithSameText(String contentHash, long repositoryId) {
        Number count = (Number) em.createNativeQuery("SELECT COUNT(DISTINCT repository_id) FROM evaluation "
                        + "WHERE content_hash = ? AND repository_id <> ? AND created_at > ?")
                .setParameter(1, contentHash)
                .setParameter(2, repositoryId)
                .setParameter(3, Timestamp.from(clock.instant().minus(SAME_TEXT_WINDOW)))
                .getSingleResult();
        return count.intValue();
    }

    public Evaluation assess(EvaluatedContribution subject, Contributor contributor, EntryKind kind,
                             ScoringPolicy policy) {
        long started = System.nanoTime();
        Verdict verdict;
        try {
            verdict = evaluator.evaluate(subject.contribution());
        } catch (RuntimeException e) {
            metrics.evaluationFailed(evaluator.identity().provider());
            throw e;
        }
        int latencyMs = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        int delta = policy.deltaFor(subject.contribution().kind(), verdict.classification());
        EvaluationStatus status = contributor.blacklisted() ? EvaluationStatus.NOT_APPLIED
                : policy.appliesAutomatically(verdict.confidence()) ? EvaluationStatus.APPLIED
                : EvaluationStatus.PENDING;
        Instant now = clock.instant();
        Evaluation evaluation = new Evaluation(subject, evaluator.identity(), verdict, latencyMs, delta, status, now);
        em.persist(evaluation);
        metrics.evaluation(evaluator.identity().provider(), verdict.classification().name());
        if (status == EvaluationStatus.APPLIED) {
            em.flush();
            String reason = verdict.classification().name().toLowerCase() + " (confidence "
                    + String.format(java.util.Locale.ROOT, "%.2f", verdict.confidence()) + ")";
            ledger.apply(contributor, kind, delta,
                    LedgerCause.system(reason, subject.deliveryId(), evaluation.id()), policy);
        }
        return evaluation;
    }
}
