package io.meritocrab.events;

import io.meritocrab.assessment.ContributionAssessor;
import io.meritocrab.assessment.Participants;
import io.meritocrab.assessment.Participants.Participation;
import io.meritocrab.assessment.Participants.Scored;
import io.meritocrab.assessment.Participants.Skipped;
import io.meritocrab.commands.CreditCommand;
import io.meritocrab.commands.CreditCommandParser;
import io.meritocrab.commands.CreditCommands;
import io.meritocrab.evaluation.ContentFingerprint;
import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.EvaluatedContribution;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.inbox.Payload;
import io.meritocrab.inbox.StoredDelivery;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.EntryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * New comments on issues and pull requests are evaluated, or run as `/credit` commands when a maintainer
 * wrote them; a command nobody obeys leaves an ordinary comment, evaluated like any other.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommentEvents {

    @Inject
    Participants participants;
    @Inject
    ContributionAssessor assessor;
    @Inject
    Evaluations evaluations;
    @Inject
    CreditCommands commands;

    public String handle(StoredDelivery delivery, String action, Payload payload) {
        if (!"created".equals(action)) {
            return "ignored: issue_comment " + action;
        }
        CreditCommand command = CreditCommandParser.parse(payload.optionalText("comment.body", ""));
        if (!(command instanceof CreditCommand.NotACommand)) {
            Optional<String> obeyed = commands.handle(delivery, payload, command);
            if (obeyed.isPresent()) {
                return obeyed.get();
            }
        }
        Participation who = participants.of(payload, "comment.user");
        if (who instanceof Skipped skipped) {
            return skipped.reason();
        }
        Scored scored = (Scored) who;
        Contributor author = scored.contributor();
        long repositoryId = scored.repository().id();
        String body = payload.optionalText("comment.body", "");
        // The same comment pasted under different issues is the same text: the title is left out.
        String hash = ContentFingerprint.of("", body);
        int number = (int) payload.number("issue.number");
        Contribution contribution = new Contribution(ContributionKind.COMMENT, scored.repository().fullName(),
                author.login(), payload.optionalText("comment.author_association", "NONE"),
                payload.optionalText("issue.title", ""), body, 0, 0, 0,
                evaluations.repositoriesWithSameText(hash, repositoryId, Instant.now()));
        Evaluation evaluation = assessor.assess(new EvaluatedContribution(contribution, repositoryId, author.id(),
                        delivery.deliveryId(), number, payload.optionalText("comment.html_url", null), hash),
                author, EntryKind.COMMENT_CREATED, scored.policy());
        return "comment on #" + number + " by " + author.login() + ": " + Outcomes.evaluation(evaluation);
    }
}
