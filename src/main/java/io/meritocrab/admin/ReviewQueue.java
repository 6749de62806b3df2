package io.meritocrab.admin;

import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.platform.Timestamps;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A repository's evaluations by status, oldest first: the pending ones are the review queue. */
@ApplicationScoped
public class ReviewQueue {

    private static final String COLUMNS = "SELECT e.id, c.login, c.user_id, e.contribution_kind, e.subject_number, "
            + "e.subject_url, e.classification, e.confidence, e.reasoning, e.proposed_delta, e.status, e.provider, "
            + "e.model, e.created_at, e.decided_by, e.decision_note, e.decided_at "
            + "FROM evaluation e JOIN contributor c ON c.id = e.contributor_id ";

    @PersistenceContext
    EntityManager em;

    public static EvaluationStatus status(String text) {
        if (text == null || text.isBlank()) {
            return EvaluationStatus.PENDING;
        }
        return Arrays.stream(EvaluationStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(text.trim()))
                .findFirst()
                .orElseThrow(() -> ApiError.badRequest("status must be one of "
                        + Arrays.stream(EvaluationStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
    }

    public Page<Views.Review> list(TrackedRepository repository, EvaluationStatus status, int limit, Long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS
                        + "WHERE e.repository_id = ? AND e.status = ? AND e.id > ? ORDER BY e.id")
                .setParameter(1, repository.id())
                .setParameter(2, status.name())
                .setParameter(3, after == null ? 0L : after)
                .setMaxResults(limit + 1)
                .getResultList();
        List<Views.Review> items = rows.stream().limit(limit).map(ReviewQueue::view).toList();
        String next = rows.size() > limit ? String.valueOf(items.get(limit - 1).id()) : null;
        return new Page<>(items, next);
    }

    public long pendingCount(long repositoryId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM evaluation WHERE repository_id = ? AND status = ?")
                .setParameter(1, repositoryId)
                .setParameter(2, EvaluationStatus.PENDING.name())
                .getSingleResult()).longValue();
    }

    private static Views.Review view(Object[] r) {
        return new Views.Review(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], (String) r[6],
                r[7] == null ? null : ((Number) r[7]).doubleValue(), (String) r[8], ((Number) r[9]).intValue(),
                (String) r[10], (String) r[11], (String) r[12], Timestamps.fromColumn(r[13]), (String) r[14],
                (String) r[15], Timestamps.fromColumn(r[16]));
    }
}
