package io.meritocrab.evaluation;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/** The owner of the {@code evaluation} table: every read and write of evaluations goes through here. */
@ApplicationScoped
public class Evaluations {

    /** How far back a text counts as sent to other repositories too. */
    private static final Duration SAME_TEXT_WINDOW = Duration.ofDays(30);

    private static final int KEYS_PER_QUERY = 500;

    /** Parameters: repository id, pull request number, {@code PULL_REQUEST}. */
    private static final String PULL_REQUEST_EVALUATIONS = "SELECT COUNT(*) FROM evaluation WHERE repository_id = ? "
            + "AND subject_number = ? AND contribution_kind = ?";
    /** Parameters: content hash, the repository itself, the window's start. */
    private static final String REPOSITORIES_WITH_SAME_TEXT = "SELECT COUNT(DISTINCT repository_id) FROM evaluation "
            + "WHERE content_hash = ? AND repository_id <> ? AND created_at > ?";

    /** The transaction's resource listing the evaluations it added (see {@link #add}). */
    private static final String ADDED = Evaluations.class.getName() + ".added";

    @PersistenceContext
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Stores a new evaluation and assigns its id. The row is written with the transaction's other changes
     * (deliveries applied together write all their evaluations in one batch), so only a reference through
     * JPA may follow; a plain-SQL row referring to it needs {@link #addAndWrite}.
     */
    public Evaluation add(Evaluation evaluation) {
        em.persist(evaluation);
        addedInThisTransaction().add(evaluation);
        return evaluation;
    }

    /** Stores a new evaluation and writes it at once, so a row inserted by plain SQL may refer to it. */
    public Evaluation addAndWrite(Evaluation evaluation) {
        add(evaluation);
        em.flush();
        return evaluation;
    }

    @SuppressWarnings("unchecked")
    private List<Evaluation> addedInThisTransaction() {
        if (transactions.getTransactionKey() == null) {
            return List.of();
        }
        List<Evaluation> added = (List<Evaluation>) transactions.getResource(ADDED);
        if (added == null) {
            added = new ArrayList<>();
            transactions.putResource(ADDED, added);
        }
        return added;
    }

    /** Which of these import keys (see V60) evaluations already carry: the original rows imported before. */
    public Set<String> importedKeys(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            found.addAll(em.createQuery("SELECT e.importKey FROM Evaluation e WHERE e.importKey IN :keys", String.class)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
                    .getResultList());
        }
        return found;
    }

    public Optional<Evaluation> find(long id) {
        return Optional.ofNullable(em.find(Evaluation.class, id));
    }

    /** The evaluation locked for update until the transaction ends, as it is in the database now. */
    public Optional<Evaluation> lock(long id) {
        Evaluation evaluation = em.find(Evaluation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (evaluation != null) {
            em.refresh(evaluation);
        }
        return Optional.ofNullable(evaluation);
    }

    public List<Evaluation> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT e FROM Evaluation e WHERE e.id IN :ids", Evaluation.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** A repository's evaluations in one status, oldest first, after the evaluation {@code afterId}. */
    public List<Evaluation> inStatus(long repositoryId, EvaluationStatus status, long afterId, int limit) {
        return em.createQuery("SELECT e FROM Evaluation e WHERE e.repositoryId = :repo AND e.status = :status "
                        + "AND e.id > :after ORDER BY e.id", Evaluation.class)
                .setParameter("repo", repositoryId)
                .setParameter("status", status)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countInStatus(long repositoryId, EvaluationStatus status) {
        return em.createQuery("SELECT COUNT(e) FROM Evaluation e WHERE e.repositoryId = :repo AND e.status = :status",
                        Long.class)
                .setParameter("repo", repositoryId)
                .setParameter("status", status)
                .getSingleResult();
    }

    /**
     * Whether a pull request was evaluated already and how many other repositories received its text lately,
     * in one statement: both are read for every opened pull request, under its author's lock.
     */
    public PullRequestPrecedents pullRequestPrecedents(long repositoryId, int number, String contentHash, Instant now) {
        boolean evaluatedHere = addedInThisTransaction().stream()
                .anyMatch(e -> e.contributionKind() == ContributionKind.PULL_REQUEST
                        && e.repositoryId() == repositoryId && Integer.valueOf(number).equals(e.subjectNumber()));
        Set<Long> sameTextHere = sameTextAddedHere(contentHash, repositoryId, now);
        Query query = unflushedRead("SELECT (" + PULL_REQUEST_EVALUATIONS + "), (" + REPOSITORIES_WITH_SAME_TEXT
                + notAmong(sameTextHere) + ")")
                .setParameter(1, repositoryId)
                .setParameter(2, number)
                .setParameter(3, ContributionKind.PULL_REQUEST.name())
                .setParameter(4, contentHash)
                .setParameter(5, repositoryId)
                .setParameter(6, Timestamp.from(now.minus(SAME_TEXT_WINDOW)));
        Object[] row = (Object[]) withRepositories(query, 7, sameTextHere).getSingleResult();
        return new PullRequestPrecedents(evaluatedHere || ((Number) row[0]).longValue() > 0,
                ((Number) row[1]).intValue() + sameTextHere.size());
    }

    /** How many other repositories received exactly this text lately. */
    public int repositoriesWithSameText(String contentHash, long repositoryId, Instant now) {
        Set<Long> sameTextHere = sameTextAddedHere(contentHash, repositoryId, now);
        Query query = unflushedRead(REPOSITORIES_WITH_SAME_TEXT + notAmong(sameTextHere))
                .setParameter(1, contentHash)
                .setParameter(2, repositoryId)
                .setParameter(3, Timestamp.from(now.minus(SAME_TEXT_WINDOW)));
        Number count = (Number) withRepositories(query, 4, sameTextHere).getSingleResult();
        return count.intValue() + sameTextHere.size();
    }

    /**
     * A read that does not write the transaction's changes first (as a query otherwise does), so that
     * deliveries applied together still write their rows in one batch at the end. Its caller adds what this
     * transaction added itself.
     */
    private Query unflushedRead(String sql) {
        return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    /** The other repositories this transaction added an evaluation of this text to (see {@link #add}). */
    private Set<Long> sameTextAddedHere(String contentHash, long repositoryId, Instant now) {
        Instant since = now.minus(SAME_TEXT_WINDOW);
        return addedInThisTransaction().stream()
                .filter(e -> e.contentHash().equals(contentHash) && e.repositoryId() != repositoryId
                        && e.createdAt().isAfter(since))
                .map(Evaluation::repositoryId)
                .collect(Collectors.toSet());
    }

    /** Leaves repositories out of the count: the ones this transaction added are counted apart, once. */
    private static String notAmong(Set<Long> repositories) {
        return repositories.isEmpty() ? "" : repositories.stream().map(id -> "?")
                .collect(Collectors.joining(", ", " AND repository_id NOT IN (", ")"));
    }

    private static Query withRepositories(Query query, int firstParameter, Set<Long> repositories) {
        int parameter = firstParameter;
        for (long repository : repositories) {
            query.setParameter(parameter++, repository);
        }
        return query;
    }

    /**
     * The classification of a pull request's own evaluation (the latest that has one); empty when it was
     * never evaluated here (opened before the server came) or the model failed on it.
     */
    public Optional<Classification> pullRequestClassification(long repositoryId, long number) {
        List<?> found = em.createNativeQuery("SELECT classification FROM evaluation WHERE repository_id = ? "
                        + "AND contribution_kind = ? AND subject_number = ? AND classification IS NOT NULL "
                        + "ORDER BY created_at DESC, id DESC")
                .setParameter(1, repositoryId)
                .setParameter(2, ContributionKind.PULL_REQUEST.name())
                .setParameter(3, number)
                .setMaxResults(1)
                .getResultList();
        return found.stream().map(value -> Classification.valueOf(value.toString())).findFirst();
    }

    /** Whether this pull request of the repository was evaluated before, by any author, under any delivery. */
    public boolean pullRequestEvaluated(long repositoryId, int number) {
        Number count = (Number) em.createNativeQuery(PULL_REQUEST_EVALUATIONS)
                .setParameter(1, repositoryId)
                .setParameter(2, number)
                .setParameter(3, ContributionKind.PULL_REQUEST.name())
                .getSingleResult();
        return count.longValue() > 0;
    }
}
