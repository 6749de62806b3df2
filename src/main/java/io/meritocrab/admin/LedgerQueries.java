package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActions;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of the ledger for the admin API and the console: returns views, never entities. */
@ApplicationScoped
public class LedgerQueries {

    @Inject
    ContributorRepository contributors;
    @Inject
    LedgerEntries entries;
    @Inject
    Evaluations evaluations;
    @Inject
    RepositoryAccess access;
    @Inject
    CurrentUser currentUser;

    /** The repository if it exists and this request's user maintains it; otherwise not allowed (404). */
    public TrackedRepository repository(String owner, String name) {
        return access.require(currentUser.require(), owner + "/" + name);
    }

    public Views.ContributorDetail contributor(TrackedRepository repository, String login, int entryLimit) {
        Contributor contributor = contributors.findByLogin(repository.id(), login)
                .orElseThrow(() -> new MaintainerActionException.UnknownContributor(ContributorRef.login(login)));
        List<LedgerEntry> latest = entries.latest(contributor.id(), entryLimit);
        Map<Long, Evaluation> evaluations = evaluationsOf(latest);
        return new Views.ContributorDetail(contributor.login(), contributor.userId(), contributor.credit(),
                contributor.blacklisted(), contributor.lastActivityAt(),
                latest.stream().map(e -> entry(e, e.evaluationId() == null ? null : evaluations.get(e.evaluationId())))
                        .toList());
    }

    /** The contributor after a maintainer operation, with the ledger entry it wrote (if any). */
    public Views.ActionResult result(MaintainerActions.Outcome outcome) {
        LedgerEntry entry = outcome.entryId() == null ? null : entries.find(outcome.entryId()).orElse(null);
        Evaluation evaluation = entry == null || entry.evaluationId() == null ? null
                : evaluations.find(entry.evaluationId()).orElse(null);
        return new Views.ActionResult(outcome.login(), outcome.userId(), outcome.credit(), outcome.blacklisted(),
                outcome.changed(), entry == null ? null : entry(entry, evaluation));
    }

    public Page<Views.Event> events(TrackedRepository repository, PageRequest page) {
        List<LedgerEntry> rows = entries.newestBefore(repository.id(),
                page.after() == null ? Long.MAX_VALUE : page.after(), page.limit() + 1);
        Map<Long, Contributor> who = contributors.byIds(rows.stream().map(LedgerEntry::contributorId).toList());
        List<Views.Event> items = rows.stream().limit(page.limit()).map(e -> {
            Contributor c = who.get(e.contributorId());
            return new Views.Event(e.id(), c.login(), c.userId(), e.kind().name(), e.delta(),
                    e.creditBefore(), e.creditAfter(), e.actor(), e.reason(), e.deliveryId(), e.createdAt());
        }).toList();
        String next = rows.size() > page.limit() ? String.valueOf(items.get(items.size() - 1).id()) : null;
        return new Page<>(items, next);
    }

    private Map<Long, Evaluation> evaluationsOf(List<LedgerEntry> shown) {
        List<Long> ids = shown.stream().map(LedgerEntry::evaluationId).filter(id -> id != null).distinct().toList();
        return evaluations.byIds(ids).stream().collect(Collectors.toMap(Evaluation::id, Function.identity()));
    }

    static Views.EvaluationSummary summary(Evaluation evaluation) {
        return evaluation == null ? null : new Views.EvaluationSummary(evaluation.id(),
                evaluation.provider(), evaluation.model(), evaluation.promptVersion(),
                evaluation.classification() == null ? null : evaluation.classification().name(),
                evaluation.confidence(), evaluation.reasoning(), evaluation.status().name(), evaluation.latencyMs(),
                evaluation.inputTokens(), evaluation.outputTokens());
    }

    static Views.Entry entry(LedgerEntry e, Evaluation evaluation) {
        Views.EvaluationSummary summary = summary(evaluation);
        return new Views.Entry(e.id(), e.kind().name(), e.delta(), e.creditBefore(), e.creditAfter(), e.actor(),
                e.reason(), e.deliveryId(), e.createdAt(), summary);
    }
}
