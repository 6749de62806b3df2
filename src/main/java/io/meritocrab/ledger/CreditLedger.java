package io.meritocrab.ledger;

import io.meritocrab.metrics.LedgerMetrics;
import io.meritocrab.scoring.CreditChange;
import io.meritocrab.scoring.SanctionSteps;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The only place credit and blacklist status change. Every change writes an immutable ledger entry in
 * the same transaction as the new credit; callers hold the contributor's row lock (see
 * {@link ContributorRepository#lockOrCreate}), so concurrent events never lose an update.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CreditLedger {

    @Inject
    LedgerEntries entries;
    @Inject
    LedgerMetrics metrics;
    @Inject
    Sanctions sanctions;

    private final Clock clock = Clock.systemUTC();

    /**
     * Applies a credit change and, when the credit falls to the blacklist threshold, blacklists the
     * contributor with a second entry.
     */
    public LedgerEntry apply(Contributor contributor, EntryKind kind, int requestedDelta, LedgerCause cause,
                             ScoringPolicy policy) {
        CreditChange change = CreditChange.of(contributor.credit(), requestedDelta);
        LedgerEntry entry = record(contributor, kind, change, cause);
        contributor.setCredit(change.creditAfter());
        if (!contributor.blacklisted() && policy.reachesBlacklist(change.creditAfter())) {
            String reached = "credit " + change.creditAfter() + " reached the blacklist threshold "
                    + policy.blacklistThreshold();
            if (policy.sanctions().equals(SanctionSteps.permanent())) {
                setBlacklisted(contributor, true, new LedgerCause(LedgerCause.SYSTEM, reached, cause.deliveryId(), null));
            } else {
                takeNextStep(contributor, reached, cause.deliveryId(), policy.sanctions());
            }
        }
        return entry;
    }

    /** Graduated sanctions: the blacklist entry names the step and, for a temporary one, its end. */
    private void takeNextStep(Contributor contributor, String reached, String deliveryId, SanctionSteps steps) {
        SanctionSteps.Step step = steps.next(sanctions.taken(contributor.id()));
        Instant now = clock.instant();
        Optional<Instant> end = sanctions.start(contributor.id(), step, now);
        setBlacklisted(contributor, true, new LedgerCause(LedgerCause.SYSTEM, reached + "; " + step
                + end.map(until -> ", until " + until).orElse(""), deliveryId, null));
    }

    /**
     * Ends a temporary sanction step whose time has come (the caller holds its lease and has marked it
     * ended): the credit goes back up to the PR threshold with an entry of its own, then the blacklist is
     * lifted.
     */
    public void endSanction(Contributor contributor, int step, int stepCount, ScoringPolicy policy) {
        int raise = Math.max(0, policy.prThreshold() - contributor.credit());
        String why = "sanction step " + step + " of " + stepCount + " ended";
        CreditChange change = CreditChange.of(contributor.credit(), raise);
        record(contributor, EntryKind.SANCTION_ENDED, change, new LedgerCause(LedgerCause.SYSTEM,
                why + ": credit set back to the PR threshold " + policy.prThreshold(), null, null));
        contributor.setCredit(change.creditAfter());
        setBlacklisted(contributor, false, new LedgerCause(LedgerCause.SYSTEM, why, null, null));
    }

    /**
     * Records a blacklist status change (no credit change) and returns its entry; does nothing and returns
     * empty when the status is unchanged.
     */
    public Optional<LedgerEntry> setBlacklisted(Contributor contributor, boolean blacklisted, LedgerCause cause) {
        if (contributor.blacklisted() == blacklisted) {
            if (blacklisted && !LedgerCause.SYSTEM.equals(cause.actor())) {
                // A maintainer's blacklist is for good, even for a contributor in a temporary step.
                sanctions.makePermanent(contributor.id());
            }
            return Optional.empty();
        }
        if (!blacklisted) {
            sanctions.lift(contributor.id(), cause.actor(), clock.instant());
        }
        CreditChange none = CreditChange.of(contributor.credit(), 0);
        LedgerEntry entry = record(contributor, blacklisted ? EntryKind.BLACKLISTED : EntryKind.UNBLACKLISTED, none,
                cause);
        contributor.setBlacklisted(blacklisted);
        return Optional.of(entry);
    }

    /**
     * Appends an entry brought over from the original meritocrab under the key of its original row: the
     * credit moves from where it is to {@code creditAfter} (the original's), whatever the original's own
     * delta was ({@code originalDelta}, kept as the requested delta). Blacklisting never follows from it:
     * the original's blacklist is brought over as it was ({@link #importBlacklisted}).
     */
    public LedgerEntry importCredit(Contributor contributor, int originalDelta, int creditAfter, String importKey,
                                    LedgerCause cause) {
        if (creditAfter < 0) {
            throw new IllegalArgumentException("credit never goes below 0: " + creditAfter);
        }
        LedgerEntry entry = new LedgerEntry(contributor, EntryKind.IMPORTED, originalDelta, contributor.credit(),
                creditAfter, cause, clock.instant(), importKey);
        entries.add(entry);
        metrics.creditChange(EntryKind.IMPORTED.name(), creditAfter - contributor.credit());
        contributor.setCredit(creditAfter);
        return entry;
    }

    /** Blacklists a contributor whom the original meritocrab had blacklisted, under the original row's key. */
    public LedgerEntry importBlacklisted(Contributor contributor, String importKey, LedgerCause cause) {
        CreditChange none = CreditChange.of(contributor.credit(), 0);
        LedgerEntry entry = record(contributor, EntryKind.BLACKLISTED, none, cause, importKey);
        contributor.setBlacklisted(true);
        return entry;
    }

    private LedgerEntry record(Contributor contributor, EntryKind kind, CreditChange change, LedgerCause cause) {
        return record(contributor, kind, change, cause, null);
    }

    private LedgerEntry record(Contributor contributor, EntryKind kind, CreditChange change, LedgerCause cause,
                               String importKey) {
        Instant now = clock.instant();
        LedgerEntry entry = new LedgerEntry(contributor, kind, change.requestedDelta(), change.creditBefore(),
                change.creditAfter(), cause, now, importKey);
        entries.add(entry);
        metrics.creditChange(kind.name(), change.creditAfter() - change.creditBefore());
        return entry;
    }
}
