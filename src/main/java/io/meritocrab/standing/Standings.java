package io.meritocrab.standing;

import io.meritocrab.appeals.Appeal;
import io.meritocrab.appeals.AppealStatus;
import io.meritocrab.appeals.Appeals;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.repoconfig.GateMode;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read side of the contributor's own page: every repository where one GitHub account (by user id,
 * never by login) has a ledger, with the appeals made on the entries shown. Status entries (blacklisted, unblacklisted) and the status flag are
 * never read, so nothing on the page depends on a sanction.
 */
@ApplicationScoped
public class Standings {

    static final int ENTRIES = 20;

    @Inject
    ContributorRepository contributors;
    @Inject
    LedgerEntries entries;
    @Inject
    Evaluations evaluations;
    @Inject
    RepositoryDirectory directory;
    @Inject
    RepositoryConfigs configs;
    @Inject
    Appeals appeals;

    public List<RepositoryStanding> of(long gitHubUserId) {
        List<RepositoryStanding> standings = new ArrayList<>();
        for (Contributor contributor : contributors.ofUser(gitHubUserId)) {
            Optional<TrackedRepository> repository = directory.find(contributor.repositoryId());
            repository.ifPresent(r -> standings.add(standing(r, contributor)));
        }
        standings.sort(Comparator.comparing(RepositoryStanding::repository, String.CASE_INSENSITIVE_ORDER));
        return standings;
    }

    private RepositoryStanding standing(TrackedRepository repository, Contributor contributor) {
        ScoringPolicy policy = configs.policyFor(repository.id());
        List<LedgerEntry> latest = entries.latestCreditChanges(contributor.id(), ENTRIES);
        Map<Long, Evaluation> reasoning = evaluations.byIds(latest.stream().map(LedgerEntry::evaluationId)
                        .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Evaluation::id, Function.identity()));
        List<Appeal> made = appeals.onEntries(latest.stream().map(LedgerEntry::id).toList());
        Map<Long, Appeal> newest = made.stream().collect(Collectors.toMap(Appeal::ledgerEntryId, Function.identity(),
                (older, newer) -> newer));
        Set<Long> reversed = made.stream().filter(a -> a.status() == AppealStatus.REVERSED)
                .map(Appeal::ledgerEntryId).collect(Collectors.toSet());
        List<OwnEntry> shown = latest.stream()
                .map(e -> OwnEntry.of(e, e.evaluationId() == null ? null : reasoning.get(e.evaluationId()),
                        newest.get(e.id()), reversed.contains(e.id())))
                .toList();
        return new RepositoryStanding(repository.fullName(), contributor.credit(), policy.prThreshold(),
                configs.mode(repository.id()) == GateMode.OBSERVE, shown, EarningRule.of(policy));
    }
}
