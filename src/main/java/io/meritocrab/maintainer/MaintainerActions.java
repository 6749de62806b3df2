package io.meritocrab.maintainer;

import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.maintainer.MaintainerActionException.EvaluationNotPending;
import io.meritocrab.maintainer.MaintainerActionException.InvalidRequest;
import io.meritocrab.maintainer.MaintainerActionException.UnknownContributor;
import io.meritocrab.maintainer.MaintainerActionException.UnknownEvaluation;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * What a maintainer may do to a repository's ledger, for the console, the admin API and `/credit`
 * commands alike. Each operation locks the contributor's row, writes ledger entries naming the actor,
 * and runs in a transaction of its own (or joins the caller's, e.g. a delivery being processed, so the
 * change commits with it). Refusals are {@link MaintainerActionException}s with a message for people;
 * they are thrown before anything is written and do not mark a joined transaction for rollback, so a
 * caller may answer the refusal and still commit its own work.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = MaintainerActionException.class)
public class MaintainerActions {

    static final int MAX_REASON = 1000;
    /** Larger changes are certainly typing mistakes; credit is in the tens or hundreds. */
    static final int MAX_DELTA = 1_000_000;

    @Inject
    ContributorRepository contributors;
    @Inject
    CreditLedger ledger;
    @Inject
    RepositoryConfigs repositoryConfigs;
    @Inject
    Evaluations evaluations;
    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** What an operation left behind: the contributor's state after it and the entry it wrote, if any. */
    public record Outcome(long contributorId, String login, long userId, int credit, boolean blacklisted,
                          Long entryId, boolean changed) {
        static Outcome of(Contributor c, LedgerEntry entry, boolean changed) {
            return new Outcome(c.id(), c.login(), c.userId(), c.credit(), c.blacklisted(),
                    entry == null ? null : entry.id(), changed);
        }
    }

    /** Adds {@code delta} (negative to take away) to the contributor's credit; may auto-blacklist. */
    public Outcome adjust(long repositoryId, ContributorRef who, int delta, String actor, String reason) {
        requireActor(actor);
        if (delta == 0 || Math.abs(delta) > MAX_DELTA) {
            throw new InvalidRequest("delta must be a non-zero whole number between -" + MAX_DELTA + " and " + MAX_DELTA);
        }
        String why = requireText(reason, "reason");
        Contributor contributor = lock(repositoryId, who);
        LedgerEntry entry = ledger.apply(contributor, EntryKind.MAINTAINER_ADJUSTMENT, delta,
                new LedgerCause(actor, why, null, null), policy(repositoryId));
        em.flush();
        return Outcome.of(contributor, entry, true);
    }

    /** Blacklists or unblacklists; {@code changed} is false when the status already was as asked. */
    public Outcome setBlacklisted(long repositoryId, ContributorRef who, boolean blacklisted, String actor,
                                  String reason) {
        requireActor(actor);
        String why = reason == null || reason.isBlank()
                ? (blacklisted ? "blacklisted" : "unblacklisted") + " by " + actor
                : requireText(reason, "reason");
        Contributor contributor = lock(repositoryId, who);
        Optional<LedgerEntry> entry = ledger.setBlacklisted(contributor, blacklisted,
                new LedgerCause(actor, why, null, null));
        em.flush();
        return Outcome.of(contributor, entry.orElse(null), entry.isPresent());
    }

    /** Applies a pending evaluation's proposed delta. */
    public Outcome approve(long repositoryId, long evaluationId, String actor) {
        requireActor(actor);
        return decide(repositoryId, evaluationId, EvaluationStatus.APPROVED, null, actor, null);
    }

    /** Applies another delta than a pending evaluation proposed, with the maintainer's note. */
    public Outcome override(long repositoryId, long evaluationId, int delta, String actor, String note) {
        requireActor(actor);
        if (Math.abs(delta) > MAX_DELTA) {
            throw new InvalidRequest("delta must be between -" + MAX_DELTA + " and " + MAX_DELTA);
        }
        return decide(repositoryId, evaluationId, EvaluationStatus.OVERRIDDEN, delta, actor, requireText(note, "note"));
    }

    private Outcome decide(long repositoryId, long evaluationId, EvaluationStatus decision, Integer override,
                           String actor, String note) {
        Evaluation unlocked = evaluations.find(evaluationId).orElse(null);
        if (unlocked == null || unlocked.repositoryId() != repositoryId) {
            throw new UnknownEvaluation(evaluationId);
        }
        // The contributor's lock first (the order every ledger change takes), then the evaluation's.
        Contributor contributor = contributors.lockById(unlocked.contributorId())
                .orElseThrow(() -> new UnknownEvaluation(evaluationId));
        Evaluation evaluation = evaluations.lock(evaluationId).orElseThrow(() -> new UnknownEvaluation(evaluationId));
        if (evaluation.status() != EvaluationStatus.PENDING) {
            throw new EvaluationNotPending(evaluationId, evaluation.status().name(), evaluation.decidedBy());
        }
        int delta = override == null ? evaluation.proposedDelta() : override;
        evaluation.decide(decision, actor, note, clock.instant());
        String classification = evaluation.classification() == null ? "unclassified"
                : evaluation.classification().name().toLowerCase(Locale.ROOT);
        String reason = override == null
                ? "approved " + classification + " evaluation " + evaluationId
                : "overrode " + classification + " evaluation " + evaluationId + " (proposed "
                        + evaluation.proposedDelta() + "): " + note;
        LedgerEntry entry = ledger.apply(contributor, kindOf(evaluation.contributionKind()), delta,
                new LedgerCause(actor, truncate(reason), null, evaluationId), policy(repositoryId));
        em.flush();
        return Outcome.of(contributor, entry, true);
    }

    private Contributor lock(long repositoryId, ContributorRef who) {
        Optional<Contributor> found = who instanceof ContributorRef.ByLogin byLogin
                ? contributors.lockByLogin(repositoryId, byLogin.login())
                : contributors.lockByUserId(repositoryId, ((ContributorRef.ByUserId) who).userId());
        return found.orElseThrow(() -> new UnknownContributor(who));
    }

    private ScoringPolicy policy(long repositoryId) {
        return repositoryConfigs.policyFor(repositoryId);
    }

    private static EntryKind kindOf(ContributionKind kind) {
        return switch (kind) {
            case PULL_REQUEST -> EntryKind.PULL_REQUEST_OPENED;
            case COMMENT -> EntryKind.COMMENT_CREATED;
        };
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidRequest("the acting maintainer must be named");
        }
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequest(what + " must not be empty");
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_REASON) {
            throw new InvalidRequest(what + " must be at most " + MAX_REASON + " characters");
        }
        return stripped;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
