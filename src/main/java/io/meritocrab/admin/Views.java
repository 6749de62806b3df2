package io.meritocrab.admin;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the admin API. */
public final class Views {

    private Views() {
    }

    public record ContributorSummary(String login, long userId, int credit, boolean blacklisted,
                                     Instant lastActivityAt) {
    }

    @JsonbNillable
    public record ContributorDetail(String login, long userId, int credit, boolean blacklisted,
                                    Instant lastActivityAt, List<Entry> entries) {
    }

    @JsonbNillable
    public record EvaluationSummary(long id, String provider, String model, String promptVersion, String classification,
                                    Double confidence, String reasoning, String status, int latencyMs,
                                    Integer inputTokens, Integer outputTokens) {
    }

    @JsonbNillable
    public record Entry(long id, String kind, int delta, int creditBefore, int creditAfter, String actor, String reason,
                        String deliveryId, Instant createdAt, EvaluationSummary evaluation) {
    }

    @JsonbNillable
    public record Event(long id, String login, long userId, String kind, int delta, int creditBefore, int creditAfter,
                        String actor, String reason, String deliveryId, Instant createdAt) {
    }

    @JsonbNillable
    public record Delivery(String deliveryId, String event, String action, String repository, String status,
                           int attempts, String lastError, String outcome, Instant receivedAt,
                           int payloadSize) {
    }

    @JsonbNillable
    public record Review(long id, String login, long userId, String contributionKind, Integer subjectNumber,
                         String subjectUrl, String classification, Double confidence, String reasoning,
                         int proposedDelta, String status, String provider, String model, Instant createdAt,
                         String decidedBy, String decisionNote, Instant decidedAt) {
    }

    /**
     * An appeal with the entry it is about. {@code text} is the contributor's own words, untrusted: shown
     * fenced and never as markup or links.
     */
    @JsonbNillable
    public record Appeal(long id, String login, long userId, String status, String text, Instant createdAt,
                         Entry entry, String decidedBy, String decisionNote, Instant decidedAt, Long reversalEntryId) {
    }

    /** What a maintainer operation left: the contributor after it and the ledger entry it wrote. */
    @JsonbNillable
    public record ActionResult(String login, long userId, int credit, boolean blacklisted, boolean changed,
                               Entry entry) {
    }

    public record RepositoryOverview(String fullName, boolean served, long contributors, long pendingReviews,
                                     long openAppeals) {
    }

    public record Dashboard(List<RepositoryOverview> repositories, long pendingReviews, long openAppeals,
                            long failedDeliveries) {
    }
}
