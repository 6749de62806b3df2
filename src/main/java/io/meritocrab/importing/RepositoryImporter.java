package io.meritocrab.importing;

import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.evaluation.Verdict;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings one repository's original ledger over in one transaction: each contributor's events as
 * IMPORTED entries through {@link CreditLedger} (holding the contributor's lock), the original's
 * blacklist, and its pending evaluations into the review queue. A dry run plans the same and writes
 * nothing.
 */
@ApplicationScoped
public class RepositoryImporter {

    @Inject
    ContributorRepository contributors;
    @Inject
    LedgerEntries entries;
    @Inject
    CreditLedger ledger;
    @Inject
    Evaluations evaluations;
    @Inject
    RepositoryConfigs configs;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public ImportReport.RepositoryReport importInto(TrackedRepository repository, OriginalLedger.Repository original,
                                                    String actor, boolean dryRun) {
        int startingCredit = configs.policyFor(repository.id()).startingCredit();
        Instant now = clock.instant();
        Set<String> imported = entries.importedKeys(entryKeys(original));
        int newContributors = 0;
        int written = 0;
        int blacklisted = 0;
        for (OriginalLedger.Contributor theirs : original.contributors()) {
            Optional<Contributor> existing = contributors.findByUserId(repository.id(), theirs.userId());
            ImportPlanner.Standing here = existing
                    .map(c -> new ImportPlanner.Standing(true, c.credit(), c.blacklisted()))
                    .orElse(new ImportPlanner.Standing(false, startingCredit, false));
            List<ImportPlanner.Planned> planned = ImportPlanner.plan(theirs, here, imported);
            if (existing.isEmpty()) {
                newContributors++;
            }
            if (!dryRun && (existing.isEmpty() || !planned.isEmpty())) {
                planned = write(repository, theirs, existing.isPresent(), actor, startingCredit, now);
            }
            written += planned.size();
            blacklisted += (int) planned.stream().filter(p -> p.step() == ImportPlanner.Step.BLACKLIST).count();
        }
        int pendingNew = importPending(repository, original, startingCredit, now, dryRun);
        int eventsBefore = (int) original.contributors().stream().flatMap(c -> c.events().stream())
                .filter(e -> imported.contains(e.key())).count();
        return new ImportReport.RepositoryReport(repository.fullName(), dryRun ? "would import" : "imported",
                original.contributors().size(), newContributors, written, eventsBefore, pendingNew,
                original.pending().size() - pendingNew, blacklisted, original.unmapped());
    }

    /**
     * Writes one contributor's plan, made again under the row lock from where it stands then (an import
     * of the same data that held the lock first has committed by now), and returns what it wrote.
     */
    private List<ImportPlanner.Planned> write(TrackedRepository repository, OriginalLedger.Contributor theirs,
                                              boolean existed, String actor, int startingCredit, Instant now) {
        Contributor contributor = contributors.lockOrCreateForImport(repository.id(), theirs.userId(), theirs.login(),
                "user:" + theirs.userId(), startingCredit, now);
        ImportPlanner.Standing standing = new ImportPlanner.Standing(existed, contributor.credit(),
                contributor.blacklisted());
        List<ImportPlanner.Planned> planned = ImportPlanner.plan(theirs, standing,
                entries.importedKeys(contributorKeys(theirs)));
        for (ImportPlanner.Planned step : planned) {
            LedgerCause cause = new LedgerCause(actor, step.reason(), null, null);
            if (step.step() == ImportPlanner.Step.BLACKLIST) {
                ledger.importBlacklisted(contributor, step.key(), cause);
            } else {
                ledger.importCredit(contributor, step.originalDelta(), step.creditAfter(), step.key(), cause);
            }
        }
        return planned;
    }

    private int importPending(TrackedRepository repository, OriginalLedger.Repository original, int startingCredit,
                              Instant now, boolean dryRun) {
        Set<String> queued = evaluations.importedKeys(original.pending().stream().map(OriginalLedger.Pending::key).toList());
        int added = 0;
        for (OriginalLedger.Pending pending : original.pending()) {
            if (queued.contains(pending.key())) {
                continue;
            }
            added++;
            if (dryRun) {
                continue;
            }
            Contributor author = contributors.lockOrCreateForImport(repository.id(), pending.userId(), null,
                    "user:" + pending.userId(), startingCredit, now);
            if (!evaluations.importedKeys(List.of(pending.key())).isEmpty()) {
                continue;
            }
            String reasoning = "imported from meritocrab's review queue (evaluated " + pending.time() + ")"
                    + (pending.note() == null || pending.note().isBlank() ? "" : "; note: " + pending.note().strip());
            evaluations.addAndWrite(Evaluation.importedPending(repository.id(), author.id(),
                    new Verdict(pending.classification(), pending.confidence(), reasoning), pending.proposedDelta(),
                    pending.key(), now));
        }
        return added;
    }

    private static List<String> entryKeys(OriginalLedger.Repository original) {
        List<String> keys = new ArrayList<>();
        original.contributors().forEach(c -> keys.addAll(contributorKeys(c)));
        return keys;
    }

    private static List<String> contributorKeys(OriginalLedger.Contributor contributor) {
        List<String> keys = new ArrayList<>();
        contributor.events().forEach(e -> keys.add(e.key()));
        keys.add(contributor.creditKey());
        keys.add(contributor.blacklistKey());
        return keys;
    }
}
