package io.meritocrab.events;

import io.meritocrab.assessment.ContributionAssessor;
import io.meritocrab.assessment.Participants;
import io.meritocrab.assessment.Participants.Participation;
import io.meritocrab.assessment.Participants.Scored;
import io.meritocrab.assessment.Participants.Skipped;
import io.meritocrab.duplicates.DuplicateChecks;
import io.meritocrab.duplicates.PullRequestFingerprints;
import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.ContentFingerprint;
import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.evaluation.PullRequestPrecedents;
import io.meritocrab.gate.PullRequestGate;
import io.meritocrab.inbox.Payload;
import io.meritocrab.inbox.StoredDelivery;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.scoring.GateDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;

/**
 * Opened and reopened PRs pass the gate; a PR is evaluated once, the first time it is seen, so closing
 * and reopening it earns or costs nothing new. Merged PRs earn the merge bonus. In a repository with
 * `[duplicates] enabled`, the evaluation waits for the duplicate check ({@link DuplicateChecks}, which
 * reads the diff from GitHub after this transaction), and closing and reopening are noted for it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PullRequestEvents {

    private static final String AUTHOR = "pull_request.user";

    @Inject
    Participants participants;
    @Inject
    PullRequestGate gate;
    @Inject
    ContributionAssessor assessor;
    @Inject
    Evaluations evaluations;
    @Inject
    CreditLedger ledger;
    @Inject
    RepositoryConfigs repositoryConfigs;
    @Inject
    DuplicateChecks duplicateChecks;
    @Inject
    PullRequestFingerprints fingerprints;

    public String handle(StoredDelivery delivery, String action, Payload payload) {
        return switch (action) {
            case "opened" -> opened(delivery, payload);
            case "reopened" -> {
                noteClosed(payload, null);
                yield opened(delivery, payload);
            }
            case "closed" -> {
                noteClosed(payload, Instant.now());
                yield payload.flag("pull_request.merged") ? merged(delivery, payload) : "ignored: closed without merge";
            }
            default -> "ignored: pull_request " + action;
        };
    }

    /** For the duplicate check's window: a closed PR stays a PR to duplicate only for a while. */
    private void noteClosed(Payload payload, Instant at) {
        long repositoryId = payload.number("repository.id");
        int number = (int) payload.number("pull_request.number");
        // The queued check first: while its check is being recorded this waits, then the row below exists.
        duplicateChecks.closed(repositoryId, number, at);
        fingerprints.closed(repositoryId, number, at);
    }

    private String opened(StoredDelivery delivery, Payload payload) {
        Participation who = participants.of(payload, AUTHOR);
        if (who instanceof Skipped skipped) {
            return skipped.reason();
        }
        Scored scored = (Scored) who;
        Contributor author = scored.contributor();
        long repositoryId = scored.repository().id();
        int number = (int) payload.number("pull_request.number");
        GateDecision decision = gate.decide(author, repositoryId, number, delivery.deliveryId(), scored.policy());
        String title = payload.optionalText("pull_request.title", "");
        String body = payload.optionalText("pull_request.body", "");
        String hash = ContentFingerprint.of(title, body);
        PullRequestPrecedents precedents = evaluations.pullRequestPrecedents(repositoryId, number, hash, Instant.now());
        if (precedents.evaluated() || duplicateChecks.queued(repositoryId, number)) {
            return "pull request #" + number + " by " + author.login() + ": gate " + decision + ", already evaluated";
        }

        Contribution contribution = new Contribution(ContributionKind.PULL_REQUEST, scored.repository().fullName(),
                author.login(), payload.optionalText("pull_request.author_association", "NONE"), title, body,
                payload.optionalInt("pull_request.additions", 0), payload.optionalInt("pull_request.deletions", 0),
                payload.optionalInt("pull_request.changed_files", 0), precedents.repositoriesWithSameText());
        EvaluatedContribution subject = new EvaluatedContribution(contribution, repositoryId, author.id(),
                delivery.deliveryId(), number, payload.optionalText("pull_request.html_url", null), hash);
        if (repositoryConfigs.duplicates(repositoryId).enabled()) {
            duplicateChecks.enqueue(subject);
            return "pull request #" + number + " by " + author.login() + ": gate " + decision
                    + ", evaluated after the duplicate check";
        }
        Evaluation evaluation = assessor.assess(subject, author, EntryKind.PULL_REQUEST_OPENED, scored.policy());
        return "pull request #" + number + " by " + author.login() + ": gate " + decision
                + ", " + Outcomes.evaluation(evaluation);
    }

    private String merged(StoredDelivery delivery, Payload payload) {
        Participation who = participants.of(payload, AUTHOR);
        if (who instanceof Skipped skipped) {
            return skipped.reason();
        }
        Scored scored = (Scored) who;
        Contributor author = scored.contributor();
        long number = payload.number("pull_request.number");
        if (author.blacklisted()) {
            return "pull request #" + number + " merged: no bonus for a blacklisted author";
        }
        // As in the original, the merged PR's own classification picks the bonus; not evaluated here: acceptable.
        Classification classification = evaluations.pullRequestClassification(scored.repository().id(), number)
                .orElse(Classification.ACCEPTABLE);
        int bonus = scored.policy().mergedBonus(classification);
        ledger.apply(author, EntryKind.PULL_REQUEST_MERGED, bonus, LedgerCause.system("pull request #" + number
                + " merged (classified " + classification.name().toLowerCase(Locale.ROOT) + ")",
                delivery.deliveryId(), null), scored.policy());
        return "pull request #" + number + " merged: bonus " + bonus + " to " + author.login();
    }
}
