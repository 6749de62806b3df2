package io.meritocrab.admin;

import io.meritocrab.evaluation.Evaluation;
import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.evaluation.Evaluations;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A repository's evaluations by status, oldest first: the pending ones are the review queue. */
@ApplicationScoped
public class ReviewQueue {

    @Inject
    Evaluations evaluations;
    @Inject
    ContributorRepository contributors;

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
        List<Evaluation> rows = evaluations.inStatus(repository.id(), status, after == null ? 0L : after, limit + 1);
        Map<Long, Contributor> authors = contributors.byIds(rows.stream().map(Evaluation::contributorId).toList());
        List<Views.Review> items = rows.stream().limit(limit)
                .map(e -> view(e, authors.get(e.contributorId())))
                .toList();
        String next = rows.size() > limit ? String.valueOf(items.get(limit - 1).id()) : null;
        return new Page<>(items, next);
    }

    public long pendingCount(long repositoryId) {
        return evaluations.countInStatus(repositoryId, EvaluationStatus.PENDING);
    }

    private static Views.Review view(Evaluation e, Contributor author) {
        return new Views.Review(e.id(), author.login(), author.userId(), e.contributionKind().name(),
                e.subjectNumber(), e.subjectUrl(), e.classification() == null ? null : e.classification().name(),
                e.confidence(), e.reasoning(), e.proposedDelta(), e.status().name(), e.provider(), e.model(),
                e.createdAt(), e.decidedBy(), e.decisionNote(), e.decidedAt());
    }
}
