package io.meritocrab.assessment;

import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.evaluation.Verdict;
import io.meritocrab.evaluation.llm.ModelRouting;
import io.meritocrab.evaluation.rules.RulesEvaluator;
import io.meritocrab.history.KnownRecords;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.metrics.LedgerMetrics;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Evaluates a contribution, stores the evaluation, and applies its delta when the evaluator is sure
 * enough; otherwise the evaluation waits in the review queue. Blacklisted contributors earn nothing.
 *
 * <p>With an LLM configured, the rules still judge first; unless their verdict stands (see
 * {@link ModelRouting}), the evaluation is stored as QUEUED with a request for the model, and
 * {@link ModelVerdicts} completes it once the model has answered. The model is never called inside
 * this transaction, which holds the contributor's row lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContributionAssessor {

    @Inject
    RulesEvaluator evaluator;
    @Inject
    CreditLedger ledger;
    @Inject
    LedgerMetrics metrics;
    @Inject
    ModelRouting routing;
    @Inject
    ModelRequests modelRequests;
    @Inject
    Evaluations evaluations;
    @Inject
    KnownRecords records;

    private final Clock clock = Clock.systemUTC();

    public Evaluation assess(EvaluatedContribution subject, Contributor contributor, EntryKind kind,
                             ScoringPolicy policy) {
        TrackRecord record = records.of(subject.repositoryId(), contributor.userId()).orElse(null);
        long started = System.nanoTime();
        Verdict verdict;
        try {
            verdict = evaluator.evaluate(subject.contribution(), record);
        } catch (RuntimeException e) {
            metrics.evaluationFailed(evaluator.identity().provider());
            throw e;
        }
        int latencyMs = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        ModelRouting.Route route = contributor.blacklisted() ? new ModelRouting.Route(null, null)
                : routing.route(subject.repositoryId(), verdict);
        Instant now = clock.instant();
        if (route.toModel()) {
            Evaluation queued = Evaluation.awaitingModel(subject, route.model(), now);
            evaluations.addAndWrite(queued);
            modelRequests.enqueue(queued.id(), subject.repositoryId(), contributor.id(), kind.name(),
                    subject.contribution(), subject.subjectNumber());
            return queued;
        }
        if (route.rulesNote() != null) {
            verdict = new Verdict(verdict.classification(), verdict.confidence(), route.rulesNote() + verdict.reasoning());
        }
        int delta = policy.deltaFor(subject.contribution().kind(), verdict.classification());
        Evaluation evaluation = new Evaluation(subject, evaluator.identity(), verdict, latencyMs, delta,
                statusFor(contributor, policy, verdict), now);
        evaluations.add(evaluation);
        metrics.evaluation(evaluator.identity().provider(), verdict.classification().name());
        settle(evaluation, contributor, kind, policy);
        return evaluation;
    }

    static EvaluationStatus statusFor(Contributor contributor, ScoringPolicy policy, Verdict verdict) {
        return contributor.blacklisted() ? EvaluationStatus.NOT_APPLIED
                : policy.appliesAutomatically(verdict.confidence()) ? EvaluationStatus.APPLIED
                : EvaluationStatus.PENDING;
    }

    /** Applies an evaluation's delta to the ledger when it was sure enough to be applied at once. */
    void settle(Evaluation evaluation, Contributor contributor, EntryKind kind, ScoringPolicy policy) {
        if (evaluation.status() != EvaluationStatus.APPLIED) {
            return;
        }
        String reason = evaluation.classification().name().toLowerCase(Locale.ROOT) + " (confidence "
                + String.format(Locale.ROOT, "%.2f", evaluation.confidence()) + ")";
        ledger.apply(contributor, kind, evaluation.proposedDelta(),
                LedgerCause.system(reason, evaluation.deliveryId(), evaluation.id()), policy);
    }
}
