package io.meritocrab.appeals;

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

/** A contributor's request that a maintainer look again at one ledger entry that cost them credit. */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "appeal_seq")
    @SequenceGenerator(name = "appeal_seq", sequenceName = "appeal_seq", allocationSize = 50)
    private long id;
    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;
    @Column(name = "contributor_id", nullable = false, updatable = false)
    private long contributorId;
    @Column(name = "ledger_entry_id", nullable = false, updatable = false)
    private long ledgerEntryId;
    /** The entry while the appeal is open, null once decided (one open appeal per entry, by a unique key). */
    @Column(name = "open_entry_id")
    private Long openEntryId;
    @Column(name = "appeal_text", nullable = false, updatable = false)
    private String text;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppealStatus status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decision_note")
    private String decisionNote;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "reversal_entry_id")
    private Long reversalEntryId;

    protected Appeal() {
    }

    Appeal(long repositoryId, long contributorId, long ledgerEntryId, String text, Instant createdAt) {
        this.repositoryId = repositoryId;
        this.contributorId = contributorId;
        this.ledgerEntryId = ledgerEntryId;
        this.openEntryId = ledgerEntryId;
        this.text = text;
        this.status = AppealStatus.OPEN;
        this.createdAt = Timestamps.utc(createdAt);
    }

    void decide(AppealStatus decision, String maintainer, String note, Long reversalEntryId, Instant when) {
        this.status = decision;
        this.openEntryId = null;
        this.decidedBy = maintainer;
        this.decisionNote = note;
        this.reversalEntryId = reversalEntryId;
        this.decidedAt = Timestamps.utc(when);
    }

    public long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public long contributorId() {
        return contributorId;
    }

    public long ledgerEntryId() {
        return ledgerEntryId;
    }

    public String text() {
        return text;
    }

    public AppealStatus status() {
        return status;
    }

    public Instant createdAt() {
        return Timestamps.instant(createdAt);
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

    public Long reversalEntryId() {
        return reversalEntryId;
    }
}
