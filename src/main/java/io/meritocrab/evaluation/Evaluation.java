package io.meritocrab.evaluation;

import io.meritocrab.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One evaluation of one contribution, with the evaluator that made it and what became of it. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_seq")
    @SequenceGenerator(name = "evaluation_seq", sequenceName = "evaluation_seq", allocationSize = 50)
    private long id;
    @Column(name = "contributor_id", nullable = false)
    private long contributorId;
    @Column(name = "repository_id", nullable = false)
    private long repositoryId;
    @Column(name = "delivery_id")
    private String deliveryId;
    @Enumerated(EnumType.STRING)
    @Column(name = "contribution_kind", nullable = false)
    private ContributionKind contributionKind;
    @Column(name = "subject_number")
    private Integer subjectNumber;
    @Column(name = "subject_url")
    private String subjectUrl;
    @Column(name = "content_hash", nullable = false)
    private String contentHash;
    @Column(nullable = false)
    private String provider;
    @Column(nullable = false)
    private String model;
    @Column(name = "prompt_version", nullable = false)
    private String promptVersion;
    @Column(name = "latency_ms", nullable = false)
    private int latencyMs;
    @Column(name = "input_tokens")
    private Integer inputTokens;
    @Column(name = "output_tokens")
    private Integer outputTokens;
    @Enumerated(EnumType.STRING)
    private Classification classification;
    private Double confidence;
    private String reasoning;
    @Column(name = "proposed_delta", nullable = false)
    private int proposedDelta;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvaluationStatus status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decision_note")
    private String decisionNote;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    /** The original row a pending evaluation imported from the original meritocrab came from; null otherwise. */
    @Column(name = "import_key", updatable = false)
    private String importKey;

    protected Evaluation() {
    }

    public Evaluation(EvaluatedContribution subject, EvaluatorIdentity evaluator, Verdict verdict, int latencyMs,
               int proposedDelta, EvaluationStatus status, Instant createdAt) {
        this.contributorId = subject.contributorId();
        this.repositoryId = subject.repositoryId();
        this.deliveryId = subject.deliveryId();
        this.contributionKind = subject.contribution().kind();
        this.subjectNumber = subject.subjectNumber();
        this.subjectUrl = subject.subjectUrl();
        this.contentHash = subject.contentHash();
        this.provider = evaluator.provider();
        this.model = evaluator.model();
        this.promptVersion = evaluator.promptVersion();
        this.latencyMs = latencyMs;
        this.classification = verdict.classification();
        this.confidence = verdict.confidence();
        this.reasoning = truncate(verdict.reasoning(), 4000);
        this.proposedDelta = proposedDelta;
        this.status = status;
        this.createdAt = Timestamps.utc(createdAt);
    }

    /** An evaluation handed to the model: it has no verdict until the model (or a maintainer) gives one. */
    public static Evaluation awaitingModel(EvaluatedContribution subject, EvaluatorIdentity model, Instant createdAt) {
        Evaluation evaluation = new Evaluation();
        evaluation.contributorId = subject.contributorId();
        evaluation.repositoryId = subject.repositoryId();
        evaluation.deliveryId = subject.deliveryId();
        evaluation.contributionKind = subject.contribution().kind();
        evaluation.subjectNumber = subject.subjectNumber();
        evaluation.subjectUrl = subject.subjectUrl();
        evaluation.contentHash = subject.contentHash();
        evaluation.provider = model.provider();
        evaluation.model = model.model();
        evaluation.promptVersion = model.promptVersion();
        evaluation.status = EvaluationStatus.QUEUED;
        evaluation.createdAt = Timestamps.utc(createdAt);
        return evaluation;
    }

    /**
     * A pending evaluation brought over from the original meritocrab's review queue, waiting for a
     * maintainer here. The original keeps neither the text nor whether it was a pull request or a comment,
     * so it counts as a comment and its reasoning says where it came from.
     */
    public static Evaluation importedPending(long repositoryId, long contributorId, Verdict verdict, int proposedDelta,
                                             String importKey, Instant createdAt) {
        Evaluation evaluation = new Evaluation();
        evaluation.contributorId = contributorId;
        evaluation.repositoryId = repositoryId;
        evaluation.contributionKind = ContributionKind.COMMENT;
        evaluation.contentHash = ContentFingerprint.of("imported from meritocrab", importKey);
        evaluation.provider = "meritocrab";
        evaluation.model = "imported";
        evaluation.promptVersion = "original";
        evaluation.classification = verdict.classification();
        evaluation.confidence = verdict.confidence();
        evaluation.reasoning = truncate(verdict.reasoning(), 4000);
        evaluation.proposedDelta = proposedDelta;
        evaluation.status = EvaluationStatus.PENDING;
        evaluation.importKey = importKey;
        evaluation.createdAt = Timestamps.utc(createdAt);
        return evaluation;
    }

    /** Records the verdict that ends an evaluation's wait for the model, by whichever evaluator gave it. */
    public void decide(EvaluatorIdentity evaluator, Verdict verdict, String reasoning, int latencyMs, Integer inputTokens,
                Integer outputTokens, int proposedDelta, EvaluationStatus status) {
        this.provider = evaluator.provider();
        this.model = evaluator.model();
        this.promptVersion = evaluator.promptVersion();
        this.classification = verdict.classification();
        this.confidence = verdict.confidence();
        this.reasoning = truncate(reasoning, 4000);
        this.latencyMs = latencyMs;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.proposedDelta = proposedDelta;
        this.status = status;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public long id() {
        return id;
    }

    public long contributorId() {
        return contributorId;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public ContributionKind contributionKind() {
        return contributionKind;
    }

    public Integer subjectNumber() {
        return subjectNumber;
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public String promptVersion() {
        return promptVersion;
    }

    public int latencyMs() {
        return latencyMs;
    }

    public Integer inputTokens() {
        return inputTokens;
    }

    public Integer outputTokens() {
        return outputTokens;
    }

    public Classification classification() {
        return classification;
    }

    public Double confidence() {
        return confidence;
    }

    public String reasoning() {
        return reasoning;
    }

    public int proposedDelta() {
        return proposedDelta;
    }

    public EvaluationStatus status() {
        return status;
    }

    public Instant createdAt() {
        return Timestamps.instant(createdAt);
    }

    public String contentHash() {
        return contentHash;
    }

    public String subjectUrl() {
        return subjectUrl;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public Instant decidedAt() {
        return decidedAt == null ? null : Timestamps.instant(decidedAt);
    }

    /** Records a maintainer's decision on a pending evaluation (approved or overridden). */
    public void decide(EvaluationStatus decision, String maintainer, String note, Instant when) {
        if (status != EvaluationStatus.PENDING) {
            throw new IllegalStateException("evaluation " + id + " is " + status + ", not pending");
        }
        if (decision != EvaluationStatus.APPROVED && decision != EvaluationStatus.OVERRIDDEN) {
            throw new IllegalArgumentException("a maintainer approves or overrides, not " + decision);
        }
        this.status = decision;
        this.decidedBy = maintainer;
        this.decisionNote = note == null ? null : truncate(note, 1000);
        this.decidedAt = Timestamps.utc(when);
    }
}
