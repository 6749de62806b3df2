package io.meritocrab.assessment;

import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.evaluation.Verdict;
import io.meritocrab.evaluation.llm.ModelOutcome;
import io.meritocrab.evaluation.rules.RulesEvaluator;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.metrics.LedgerMetrics;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;

/**
 * Completes an evaluation that waited for the model, in a short transaction of its own after the call:
 * the model's verdict is applied or queued for review by its confidence, as the rules' would be. When
 * the model could not give one, the evaluation goes to the review queue with the reason, and the rules'
 * verdict as the proposal a maintainer may approve.
 */
@ApplicationScoped
public class ModelVerdicts {

    @Inject
    ModelRequests requests;
    @Inject
    ContributionAssessor assessor;
    @Inject
    RulesEvaluator rules;
    @Inject
    RepositoryConfigs repositoryConfigs;
    @Inject
    LedgerMetrics metrics;
    @Inject
    ContributorRepository contributors;
    @Inject
    Evaluations evaluations;

    /** @return false when another server completed the request meanwhile (its lease had run out) */
    @Transactional(rollbackOn = SQLException.class)
    public boolean record(ModelRequest request, ModelOutcome outcome) throws SQLException {
        Contributor contributor = contributors.lockById(request.contributorId()).orElseThrow();
        Evaluation evaluation = evaluations.lock(request.evaluationId()).orElseThrow();
        if (!requests.remove(request) || evaluation.status() != EvaluationStatus.QUEUED) {
            return false;
        }
        ScoringPolicy policy = repositoryConfigs.policyFor(request.repositoryId());
        if (outcome instanceof ModelOutcome.Answered answered) {
            Verdict verdict = answered.verdict();
            metrics.evaluation(answered.model().provider(), verdict.classification().name());
            evaluation.decide(answered.model(), verdict, verdict.reasoning(), answered.latencyMs(),
                    answered.inputTokens(), answered.outputTokens(),
                    policy.deltaFor(evaluation.contributionKind(), verdict.classification()),
                    ContributionAssessor.statusFor(contributor, policy, verdict));
        } else if (outcome instanceof ModelOutcome.Failed failed) {
            metrics.evaluation(failed.model().provider(), "error");
            Verdict proposal = rules.evaluate(request.contribution());
            String reasoning = "For a maintainer: " + failed.model().provider() + " (" + failed.model().model()
                    + ") could not evaluate this: " + failed.reason() + ". The rules propose "
                    + proposal.classification().name().toLowerCase(java.util.Locale.ROOT) + ": " + proposal.reasoning();
            evaluation.decide(rules.identity(), proposal, reasoning, failed.latencyMs(), failed.inputTokens(),
                    failed.outputTokens(), policy.deltaFor(evaluation.contributionKind(), proposal.classification()),
                    contributor.blacklisted() ? EvaluationStatus.NOT_APPLIED : EvaluationStatus.PENDING);
        } else {
            throw new IllegalArgumentException("not a final outcome: " + outcome);
        }
        assessor.settle(evaluation, contributor, EntryKind.valueOf(request.entryKind()), policy);
        return true;
    }
}
