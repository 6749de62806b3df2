package io.meritocrab.events;

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

/** A submitted review earns the review bonus, except on one's own pull request. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReviewEvents {

    private static final String REVIEWER = "review.user";

    @Inject
    Participants participants;
    @Inject
    ScoringSettings settings;
    @Inject
    CreditLedger ledger;

    public String handle(StoredDelivery delivery, String action, Payload payload) {
        if (!"submitted".equals(action)) {
            return "ignored: pull_request_review " + action;
        }
        Optional<TrackedRepository> served = participants.servedRepository(payload);
        if (served.isEmpty()) {
            return "ignored: repository not served";
        }
        if (Participants.isBot(payload, REVIEWER)) {
            return "ignored: bot reviewer";
        }
        long number = payload.number("pull_request.number");
        if (payload.has("pull_request.user.id")
                && payload.number("pull_request.user.id") == payload.number(REVIEWER + ".id")) {
            return "ignored: review of one's own pull request #" + number;
        }
        TrackedRepository repository = served.get();
        ScoringPolicy policy = settings.policyFor(repository.id());
        Contributor reviewer = participants.lock(repository, payload, REVIEWER, policy);
        if (reviewer.blacklisted()) {
            return "review of #" + number + ": no bonus for a blacklisted reviewer";
        }
        ledger.apply(reviewer, EntryKind.REVIEW_SUBMITTED, policy.reviewSubmittedBonus(),
                LedgerCause.system("reviewed pull request #" + number, delivery.deliveryId(), null), policy);
        return "review of #" + number + ": bonus " + policy.reviewSubmittedBonus() + " to " + reviewer.login();
    }
}
