package io.meritocrab.shared;

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

/** A GitHub user on one of an installation's shared lists; an entry past its expiry counts for nothing. */
@Entity
@Table(name = "shared_list_entry")
public class SharedListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_list_entry_seq")
    @SequenceGenerator(name = "shared_list_entry_seq", sequenceName = "shared_list_entry_seq", allocationSize = 50)
    private long id;
    @Column(name = "installation_id", nullable = false, updatable = false)
    private long installationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_kind", nullable = false, updatable = false)
    private SharedList list;
    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;
    @Column(nullable = false)
    private String login;
    private String reason;
    @Column(name = "added_by", nullable = false)
    private String addedBy;
    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected SharedListEntry() {
    }

    SharedListEntry(long installationId, SharedList list, long userId) {
        this.installationId = installationId;
        this.list = list;
        this.userId = userId;
    }

    void set(String login, String reason, String addedBy, Instant addedAt, Instant expiresAt) {
        this.login = login;
        this.reason = reason;
        this.addedBy = addedBy;
        this.addedAt = Timestamps.utc(addedAt);
        this.expiresAt = Timestamps.utc(expiresAt);
    }

    public long installationId() {
        return installationId;
    }

    public SharedList list() {
        return list;
    }

    public long userId() {
        return userId;
    }

    public String login() {
        return login;
    }

    public String reason() {
        return reason;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return Timestamps.instant(addedAt);
    }

    public Instant expiresAt() {
        return Timestamps.instant(expiresAt);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.toInstant().isAfter(now);
    }
}
