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

/** One addition to or removal from a shared list, kept for good: who trusted (or denied) whom, when and why. */
@Entity
@Table(name = "shared_list_change")
public class SharedListChange {

    /** What happened to the entry. */
    public enum Kind {
        ADDED, REMOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_list_change_seq")
    @SequenceGenerator(name = "shared_list_change_seq", sequenceName = "shared_list_change_seq", allocationSize = 50)
    private long id;
    @Column(name = "installation_id", nullable = false, updatable = false)
    private long installationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_kind", nullable = false, updatable = false)
    private SharedList list;
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, updatable = false)
    private Kind kind;
    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;
    @Column(nullable = false, updatable = false)
    private String login;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(updatable = false)
    private String reason;
    @Column(name = "expires_at", updatable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "changed_at", nullable = false, updatable = false)
    private OffsetDateTime changedAt;

    protected SharedListChange() {
    }

    SharedListChange(long installationId, SharedList list, Kind kind, long userId, String login, String actor,
                     String reason, Instant expiresAt, Instant changedAt) {
        this.installationId = installationId;
        this.list = list;
        this.kind = kind;
        this.userId = userId;
        this.login = login;
        this.actor = actor;
        this.reason = reason;
        this.expiresAt = Timestamps.utc(expiresAt);
        this.changedAt = Timestamps.utc(changedAt);
    }

    public long id() {
        return id;
    }

    public SharedList list() {
        return list;
    }

    public Kind kind() {
        return kind;
    }

    public long userId() {
        return userId;
    }

    public String login() {
        return login;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Instant expiresAt() {
        return Timestamps.instant(expiresAt);
    }

    public Instant changedAt() {
        return Timestamps.instant(changedAt);
    }
}
