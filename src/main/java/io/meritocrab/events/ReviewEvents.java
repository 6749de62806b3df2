package io.meritocrab.events;

import io.meritocrab.assessment.Participants;
import io.meritocrab.assessment.Participants.Participation;
import io.meritocrab.assessment.Participants.Scored;
import io.meritocrab.assessment.Participants.Skipped;
import io.meritocrab.inbox.Payload;
import io.meritocrab.inbox.StoredDelivery;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A submitted review earns the review bonus, except on one's own pull request. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReviewEvents {

    private static final String REVIEWER = "review.user";

    @Inject
    Participants participants;
    @Inject
    CreditLedger ledger;

    public String handle(StoredDelivery delivery, String action, Payload payload) {
        if (!"submitted".equals(action)) {
            return "ignored: pull_request_review " + action;
        }
        long number = payload.number("pull_request.number");
        if (payload.has("pull_request.user.id")
                && payload.number("pull_request.user.id") == payload.number(REVIEWER + ".id")) {
            return "ignored: review of one's own pull request #" + number;
        }
        Participation who = participants.of(payload, REVIEWER);
        if (who instanceof Skipped skipped) {
            return skipped.reason();
        }
        Scored scored = (Scored) who;
        Contributor reviewer = scored.contributor();
        if (reviewer.blacklisted()) {
            return "review of #" + number + ": no bonus for a blacklisted reviewer";
        }
        int bonus = scored.policy().reviewBonus();
        ledger.apply(reviewer, EntryKind.REVIEW_SUBMITTED, bonus,
                LedgerCause.system("reviewed pull request #" + number, delivery.deliveryId(), null), scored.policy());
        return "review of #" + number + ": bonus " + bonus + " to " + reviewer.login();
    }
}
