package io.meritocrab.events;

import io.meritocrab.evaluation.ContentFingerprint;
import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionAssessor;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.ScoringPolicy;
import io.meritocrab.scoring.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** New comments on issues and pull requests are evaluated. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommentEvents {

    private static final String AUTHOR = "comment.user";

    @Inject
    Participants participants;
    @Inject
    ScoringSettings settings;
    @Inject
    ContributionAssessor assessor;

    public String handle(StoredDelivery delivery, String action, Payload payload) {
        if (!"created".equals(action)) {
            return "ignored: issue_comment " + action;
        }
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
        String body = payload.optionalText("comment.body", "");
        // The same comment pasted under different issues is the same text: the title is left out.
        String hash = ContentFingerprint.of("", body);
        int number = (int) payload.number("issue.number");
        Contribution contribution = new Contribution(ContributionKind.COMMENT, repository.fullName(), author.login(),
                payload.optionalText("comment.author_association", "NONE"), payload.optionalText("issue.title", ""),
                body, 0, 0, 0, assessor.repositoriesWithSameText(hash, repository.id()));
        Evaluation evaluation = assessor.assess(new EvaluatedContribution(contribution, repository.id(), author.id(),
                        delivery.deliveryId(), number, payload.optionalText("comment.html_url", null), hash),
                author, EntryKind.COMMENT_CREATED, policy);
        return "comment on #" + number + " by " + author.login() + ": evaluated " + evaluation.classification()
                + " " + evaluation.status();
    }
}
