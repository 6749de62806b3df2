package io.meritocrab.admin;

import io.meritocrab.appeals.Appeal;
import io.meritocrab.appeals.AppealStatus;
import io.meritocrab.appeals.Appeals;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * A repository's appeals by status, oldest first, each with the entry it is about: the open ones sit in
 * the review queue next to the evaluations waiting for a maintainer.
 */
@ApplicationScoped
public class AppealQueue {

    @Inject
    Appeals appeals;
    @Inject
    ContributorRepository contributors;
    @Inject
    LedgerEntries entries;
    @Inject
    Evaluations evaluations;

    public static AppealStatus status(String text) {
        if (text == null || text.isBlank()) {
            return AppealStatus.OPEN;
        }
        AppealStatus status = AppealStatus.named(text);
        if (status == null) {
            throw ApiError.badRequest("status must be one of "
                    + Arrays.stream(AppealStatus.values()).map(AppealStatus::label).toList());
        }
        return status;
    }

    public Page<Views.Appeal> list(TrackedRepository repository, AppealStatus status, int limit, Long after) {
        List<Appeal> rows = appeals.inStatus(repository.id(), status, after == null ? 0L : after, limit + 1);
        List<Views.Appeal> items = rows.stream().limit(limit).map(this::view).toList();
        String next = rows.size() > limit ? String.valueOf(items.get(limit - 1).id()) : null;
        return new Page<>(items, next);
    }

    public long openCount(long repositoryId) {
        return appeals.countOpen(repositoryId);
    }

    public Views.Appeal view(Appeal appeal) {
        Contributor who = contributors.find(appeal.contributorId()).orElseThrow();
        LedgerEntry entry = entries.find(appeal.ledgerEntryId()).orElseThrow();
        Evaluation evaluation = entry.evaluationId() == null ? null : evaluations.find(entry.evaluationId()).orElse(null);
        return new Views.Appeal(appeal.id(), who.login(), who.userId(), appeal.status().label(), appeal.text(),
                appeal.createdAt(), LedgerQueries.entry(entry, evaluation), appeal.decidedBy(), appeal.decisionNote(),
                appeal.decidedAt(), appeal.reversalEntryId());
    }
}
