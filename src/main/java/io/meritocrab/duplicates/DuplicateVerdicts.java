package io.meritocrab.duplicates;

import io.meritocrab.assessment.ContributionAssessor;
import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.evaluation.EvaluatorIdentity;
import io.meritocrab.evaluation.Verdict;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.repoconfig.DuplicateRules;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends a duplicate check in one short transaction, after the diff was asked of GitHub: stores the pull
 * request's fingerprints, and either records its evaluation as a duplicate of another author's earlier
 * pull request (no credit, the reasoning names it) or evaluates it as any pull request
 * ({@link ContributionAssessor}).
 */
@ApplicationScoped
public class DuplicateVerdicts {

    static final EvaluatorIdentity IDENTITY = new EvaluatorIdentity("duplicates", "fingerprint", "1");

    @Inject
    DuplicateChecks checks;
    @Inject
    PullRequestFingerprints fingerprints;
    @Inject
    ContributorRepository contributors;
    @Inject
    Evaluations evaluations;
    @Inject
    ContributionAssessor assessor;
    @Inject
    RepositoryConfigs repositoryConfigs;

    private final Clock clock = Clock.systemUTC();

    /**
     * @param diffFingerprint the change's fingerprint, or null when GitHub gave no (usable) diff
     * @return false when another server ended the check meanwhile (its lease had run out)
     */
    @Transactional(rollbackOn = SQLException.class)
    public boolean record(DuplicateCheck check, String diffFingerprint) throws SQLException {
        EvaluatedContribution subject = check.subject();
        // The check before the contributor, in the order a close of the same PR takes them.
        Instant closedAt = checks.lockClosedAt(check);
        Contributor contributor = contributors.lockById(subject.contributorId()).orElseThrow();
        if (!checks.remove(check)) {
            return false;
        }
        long repositoryId = subject.repositoryId();
        if (evaluations.pullRequestEvaluated(repositoryId, check.number())) {
            return true;
        }
        Instant now = clock.instant();
        String textFingerprint = PullRequestFingerprints.textFingerprint(subject.contentHash(),
                subject.contribution().body());
        fingerprints.save(repositoryId, check.number(), contributor.id(), contributor.login(), subject.subjectUrl(),
                diffFingerprint, textFingerprint, closedAt, now);
        DuplicateRules rules = repositoryConfigs.duplicates(repositoryId);
        Optional<PullRequestFingerprints.Match> match = fingerprints.earlierMatch(repositoryId, check.number(),
                contributor.id(), diffFingerprint, textFingerprint, now.minus(Duration.ofDays(rules.windowDays())));
        if (match.isEmpty()) {
            assessor.assess(subject, contributor, EntryKind.PULL_REQUEST_OPENED,
                    repositoryConfigs.policyFor(repositoryId));
            return true;
        }
        fingerprints.markDuplicate(repositoryId, check.number(), match.get());
        evaluations.addAndWrite(new Evaluation(subject, IDENTITY, new Verdict(Classification.LOW, 1.0,
                reasoning(match.get())), 0, 0, EvaluationStatus.NOT_APPLIED, now));
        return true;
    }

    static String reasoning(PullRequestFingerprints.Match match) {
        String same = PullRequestFingerprints.BY_CHANGE.equals(match.matchedBy()) ? "the same change"
                : "the same title and description";
        return "Duplicate of #" + match.number() + " by @" + match.login() + " (" + same
                + "), which is open or was closed lately: no credit.";
    }
}
