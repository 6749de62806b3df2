package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActions;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of the ledger for the admin API and the console: returns views, never entities. */
@ApplicationScoped
public class LedgerQueries {

    @PersistenceContext
    EntityManager em;
    @Inject
    ContributorRepository contributors;
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
        List<LedgerEntry> entries = contributors.latestEntries(contributor.id(), entryLimit);
        Map<Long, Evaluation> evaluations = evaluationsOf(entries);
        return new Views.ContributorDetail(contributor.login(), contributor.userId(), contributor.credit(),
                contributor.blacklisted(), contributor.lastActivityAt(),
                entries.stream().map(e -> entry(e, e.evaluationId() == null ? null : evaluations.get(e.evaluationId())))
                        .toList());
    }

    /** The contributor after a maintainer operation, with the ledger entry it wrote (if any). */
    public Views.ActionResult result(MaintainerActions.Outcome outcome) {
        LedgerEntry entry = outcome.entryId() == null ? null : em.find(LedgerEntry.class, outcome.entryId());
        Evaluation evaluation = entry == null || entry.evaluationId() == null ? null
                : em.find(Evaluation.class, entry.evaluationId());
        return new Views.ActionResult(outcome.login(), outcome.userId(), outcome.credit(), outcome.blacklisted(),
                outcome.changed(), entry == null ? null : entry(entry, evaluation));
    }

    public Page<Views.Event> events(TrackedRepository repository, PageRequest page) {
        List<Object[]> rows = em.createQuery("SELECT e, c.login, c.userId FROM LedgerEntry e, Contributor c "
                        + "WHERE c.id = e.contributorId AND e.repositoryId = :repo AND e.id < :before "
                        + "ORDER BY e.id DESC", Object[].class)
                .setParameter("repo", repository.id())
                .setParameter("before", page.after() == null ? Long.MAX_VALUE : page.after())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        List<Views.Event> items = rows.stream().limit(page.limit()).map(row -> {
            LedgerEntry e = (LedgerEntry) row[0];
            return new Views.Event(e.id(), (String) row[1], (Long) row[2], e.kind().name(), e.delta(),
                    e.creditBefore(), e.creditAfter(), e.actor(), e.reason(), e.deliveryId(), e.createdAt());
        }).toList();
        String next = rows.size() > page.limit() ? String.valueOf(items.get(items.size() - 1).id()) : null;
        return new Page<>(items, next);
    }

    private Map<Long, Evaluation> evaluationsOf(List<LedgerEntry> entries) {
        List<Long> ids = entries.stream().map(LedgerEntry::evaluationId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT e FROM Evaluation e WHERE e.id IN :ids", Evaluation.class)
                .setParameter("ids", ids)
                .getResultList().stream()
                .collect(Collectors.toMap(Evaluation::id, Function.identity()));
    }

    static Views.EvaluationSummary summary(Evaluation evaluation) {
        return evaluation == null ? null : new Views.EvaluationSummary(evaluation.id(),
                evaluation.provider(), evaluation.model(), evaluation.promptVersion(),
                evaluation.classification() == null ? null : evaluation.classification().name(),
                evaluation.confidence(), evaluation.reasoning(), evaluation.status().name(), evaluation.latencyMs(),
                evaluation.inputTokens(), evaluation.outputTokens());
    }

    private static Views.Entry entry(LedgerEntry e, Evaluation evaluation) {
        Views.EvaluationSummary summary = summary(evaluation);
        return new Views.Entry(e.id(), e.kind().name(), e.delta(), e.creditBefore(), e.creditAfter(), e.actor(),
                e.reason(), e.deliveryId(), e.createdAt(), summary);
    }
}
