package io.meritocrab.ledger;

import io.meritocrab.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A GitHub user in one repository. Rows are created by {@link ContributorRepository#lockOrCreate} and
 * changed only through {@link CreditLedger}, so credit and the ledger never disagree.
 */
@Entity
@Table(name = "contributor")
public class Contributor {

    @Id
    private long id;
    @Column(name = "repository_id", nullable = false)
    private long repositoryId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String login;
    @Column(nullable = false)
    private int credit;
    @Column(nullable = false)
    private boolean blacklisted;
    @Column(name = "entry_count", nullable = false)
    private int entryCount;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "last_activity_at", nullable = false)
    private OffsetDateTime lastActivityAt;
    @Transient
    private boolean firstSeen;

    protected Contributor() {
    }

    public long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public long userId() {
        return userId;
    }

    public String login() {
        return login;
    }

    public int credit() {
        return credit;
    }

    public boolean blacklisted() {
        return blacklisted;
    }

    public Instant lastActivityAt() {
        return Timestamps.instant(lastActivityAt);
    }

    /** Whether this transaction created the contributor: the event being handled is their first here. */
    public boolean firstSeen() {
        return firstSeen;
    }

    void markFirstSeen() {
        firstSeen = true;
    }

    /** Numbers the next ledger entry of this contributor. */
    int nextEntrySeq() {
        return ++entryCount;
    }

    void renameTo(String currentLogin) {
        this.login = currentLogin;
    }

    /**
     * Records activity to the second: a contributor active many times in one second (a flood, a batch of
     * their deliveries) has the row rewritten once for that second, not once per delivery.
     */
    void touch(Instant when) {
        Instant second = when.truncatedTo(ChronoUnit.SECONDS);
        if (second.isAfter(lastActivityAt.toInstant())) {
            lastActivityAt = Timestamps.utc(second);
        }
    }

    void setCredit(int credit) {
        this.credit = credit;
    }

    void setBlacklisted(boolean blacklisted) {
        this.blacklisted = blacklisted;
    }
}
