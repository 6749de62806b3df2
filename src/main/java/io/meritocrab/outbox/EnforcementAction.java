package io.meritocrab.outbox;

import io.meritocrab.platform.Timestamps;
import io.meritocrab.scoring.GateDecision;
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

/**
 * The PR gate's decision for one pull request, kept so that it is carried out on GitHub exactly once
 * (closing with a message now, or a shadow close at {@code dueAt}) and so maintainers can see why.
 */
@Entity
@Table(name = "enforcement_action")
public class EnforcementAction {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enforcement_action_seq")
    @SequenceGenerator(name = "enforcement_action_seq", sequenceName = "enforcement_action_seq", allocationSize = 50)
    private long id;
    @Column(name = "repository_id", nullable = false)
    private long repositoryId;
    @Column(name = "contributor_id", nullable = false)
    private long contributorId;
    @Column(name = "delivery_id", nullable = false)
    private String deliveryId;
    @Column(name = "pull_number", nullable = false)
    private int pullNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GateDecision decision;
    @Column(nullable = false)
    private int credit;
    @Column(nullable = false)
    private int threshold;
    private String message;
    @Column(name = "due_at")
    private OffsetDateTime dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    protected EnforcementAction() {
    }

    public EnforcementAction(long repositoryId, long contributorId, String deliveryId, int pullNumber,
                      GateDecision decision, int credit, int threshold, String message, Instant dueAt,
                      Instant createdAt) {
        this.repositoryId = repositoryId;
        this.contributorId = contributorId;
        this.deliveryId = deliveryId;
        this.pullNumber = pullNumber;
        this.decision = decision;
        this.credit = credit;
        this.threshold = threshold;
        this.message = message;
        this.dueAt = Timestamps.utc(dueAt);
        this.status = decision == GateDecision.ALLOW ? ActionStatus.NONE_NEEDED : ActionStatus.PENDING;
        this.createdAt = Timestamps.utc(createdAt);
        this.nextAttemptAt = this.dueAt;
    }

    public long id() {
        return id;
    }

    public long contributorId() {
        return contributorId;
    }

    public int pullNumber() {
        return pullNumber;
    }

    public GateDecision decision() {
        return decision;
    }

    public int credit() {
        return credit;
    }

    public int threshold() {
        return threshold;
    }

    public String message() {
        return message;
    }

    public Instant dueAt() {
        return Timestamps.instant(dueAt);
    }

    public ActionStatus status() {
        return status;
    }
}
