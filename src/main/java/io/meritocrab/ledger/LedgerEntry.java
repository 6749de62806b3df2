package io.meritocrab.ledger;

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

/** One immutable change of a contributor's credit or status. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    private long id;
    @Column(name = "contributor_id", nullable = false, updatable = false)
    private long contributorId;
    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;
    @Column(nullable = false, updatable = false)
    private int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EntryKind kind;
    @Column(name = "requested_delta", nullable = false, updatable = false)
    private int requestedDelta;
    @Column(nullable = false, updatable = false)
    private int delta;
    @Column(name = "credit_before", nullable = false, updatable = false)
    private int creditBefore;
    @Column(name = "credit_after", nullable = false, updatable = false)
    private int creditAfter;
    @Column(name = "evaluation_id", updatable = false)
    private Long evaluationId;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Column(name = "delivery_id", updatable = false)
    private String deliveryId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    /** The original row an imported entry came from (see importing.MeritocrabImport); null otherwise. */
    @Column(name = "import_key", updatable = false)
    private String importKey;

    protected LedgerEntry() {
    }

    LedgerEntry(Contributor contributor, EntryKind kind, int requestedDelta, int creditBefore, int creditAfter,
                LedgerCause cause, Instant createdAt) {
        this(contributor, kind, requestedDelta, creditBefore, creditAfter, cause, createdAt, null);
    }

    LedgerEntry(Contributor contributor, EntryKind kind, int requestedDelta, int creditBefore, int creditAfter,
                LedgerCause cause, Instant createdAt, String importKey) {
        this.contributorId = contributor.id();
        this.repositoryId = contributor.repositoryId();
        this.seq = contributor.nextEntrySeq();
        this.kind = kind;
        this.requestedDelta = requestedDelta;
        this.delta = creditAfter - creditBefore;
        this.creditBefore = creditBefore;
        this.creditAfter = creditAfter;
        this.evaluationId = cause.evaluationId();
        this.actor = cause.actor();
        this.reason = cause.reason();
        this.deliveryId = cause.deliveryId();
        this.createdAt = Timestamps.utc(createdAt);
        this.importKey = importKey;
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

    public int seq() {
        return seq;
    }

    public EntryKind kind() {
        return kind;
    }

    public int requestedDelta() {
        return requestedDelta;
    }

    public int delta() {
        return delta;
    }

    public int creditBefore() {
        return creditBefore;
    }

    public int creditAfter() {
        return creditAfter;
    }

    public Long evaluationId() {
        return evaluationId;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public Instant createdAt() {
        return Timestamps.instant(createdAt);
    }

    public String importKey() {
        return importKey;
    }
}
