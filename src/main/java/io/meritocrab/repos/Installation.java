package io.meritocrab.repos;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.meritocrab.platform.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An installation of the GitHub App on an account (user or organisation). */
@Entity
@Table(name = "installation")
public class Installation {

    @Id
    private long id;
    @Column(name = "account_login", nullable = false)
    private String accountLogin;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Installation() {
    }

    Installation(long id, String accountLogin, boolean active, Instant updatedAt) {
        this.id = id;
        this.accountLogin = accountLogin;
        this.active = active;
        this.updatedAt = Timestamps.utc(updatedAt);
    }

    public long id() {
        return id;
    }

    public String accountLogin() {
        return accountLogin;
    }

    public boolean active() {
        return active;
    }

    void update(String accountLogin, boolean active, Instant when) {
        this.accountLogin = accountLogin;
        this.active = active;
        this.updatedAt = Timestamps.utc(when);
    }
}
