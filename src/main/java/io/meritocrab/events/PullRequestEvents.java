package io.meritocrab.events;

import io.meritocrab.enforcement.EnforcementAction;
import io.meritocrab.enforcement.PullRequestGate;
import io.meritocrab.evaluation.ContentFingerprint;
import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionAssessor;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.ScoringPolicy;
import io.meritocrab.scoring.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Opened and reopened PRs pass the gate and are evaluated; merged PRs earn the merge bonus. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PullRequestEvents {

    private static final String AUTHOR = "pull_request.user";

    @Inject
    Participants participants;
    @Inject
    ScoringSettings settings;
    @Inject
    PullRequestGate gate;
    @Inject
    ContributionAssessor assessor;
    @Inject
    CreditLedger ledger;

    public String handle(StoredDelivery delivery, String action, Payload payload) {
        return switch (action) {
            case "opened", "reopened" -> opened(delivery, payload);
            case "closed" -> payload.flag("pull_request.merged") ? merged(delivery, payload)
                    : "ignored: closed without merge";
            default -> "ignored: pull_request " + action;
        };
    }

    private String opened(StoredDelivery delivery, Payload payload) {
        Optional<TrackedRepository> served = participants.servedRepository(payload);
        if (served.isEmpty()) {
            return "ignored: repository not served";
        }
        if (Participants.isBot(payload, AUTHOR)) {
            return "ignored: bot author";
        }
        TrackedRepository repository = served.get();
        ScoringPolicy policy = settings.policyFor(repository.id());
        Contributor author = participants.lock(repository, payload, AUTHOR, policy);
        int number = (int) payload.number("pull_request.number");
        EnforcementAction decision = gate.decide(author, repository.id(), number, delivery.deliveryId(), policy);

        String title = payload.optionalText("pull_request.title", "");
        String body = payload.optionalText("pull_request.body", "");
        String hash = ContentFingerprint.of(title, body);
        Contribution contribution = new Contribution(ContributionKind.PULL_REQUEST, repository.fullName(),
                author.login(), payload.optionalText("pull_request.author_association", "NONE"), title, body,
                payload.optionalInt("pull_request.additions", 0), payload.optionalInt("pull_request.deletions", 0),
                payload.optionalInt("pull_request.changed_files", 0),
                assessor.repositoriesWithSameText(hash, repository.id()));
        Evaluation evaluation = assessor.assess(new EvaluatedContribution(contribution, repository.id(), author.id(),
                        delivery.deliveryId(), number, payload.optionalText("pull_request.html_url", null), hash),
                author, EntryKind.PULL_REQUEST_OPENED, policy);
        return "pull request #" + number + " by " + author.login() + ": gate " + decision.decision()
                + ", evaluated " + evaluation.classification() + " " + evaluation.status();
    }

    private String merged(StoredDelivery delivery, Payload payload) {
        Optional<TrackedRepository> served = participants.servedRepository(payload);
        if (served.isEmpty()) {
            return "ignored: repository not served";
        }
        if (Participants.isBot(payload, AUTHOR)) {
            return "ignored: bot author";
        }
        TrackedRepository repository = served.get();
        ScoringPolicy policy = settings.policyFor(repository.id());
        Contributor author = participants.lock(repository, payload, AUTHOR, policy);
        long number = payload.number("pull_request.number");
        if (author.blacklisted()) {
            return "pull request #" + number + " merged: no bonus for a blacklisted author";
        }
        ledger.apply(author, EntryKind.PULL_REQUEST_MERGED, policy.pullRequestMergedBonus(),
                LedgerCause.system("pull request #" + number + " merged", delivery.deliveryId(), null), policy);
        return "pull request #" + number + " merged: bonus " + policy.pullRequestMergedBonus() + " to " + author.login();
    }
}
