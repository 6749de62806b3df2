package io.meritocrab.outbox;

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

/** A reply to a `/credit` command, posted by the outbox worker. */
@Entity
@Table(name = "github_reply")
public class GitHubReply {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "github_reply_seq")
    @SequenceGenerator(name = "github_reply_seq", sequenceName = "github_reply_seq", allocationSize = 50)
    private long id;
    @Column(name = "repository_id", nullable = false)
    private long repositoryId;
    @Column(name = "issue_number", nullable = false)
    private int issueNumber;
    @Column(name = "delivery_id", nullable = false)
    private String deliveryId;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected GitHubReply() {
    }

    GitHubReply(long repositoryId, int issueNumber, String deliveryId, String body, Instant now) {
        this.repositoryId = repositoryId;
        this.issueNumber = issueNumber;
        this.deliveryId = deliveryId;
        this.body = body;
        this.status = ActionStatus.PENDING;
        this.nextAttemptAt = Timestamps.utc(now);
        this.createdAt = Timestamps.utc(now);
    }

    public long id() {
        return id;
    }
}
