package io.meritocrab.repos;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A GitHub repository the App has seen, keyed by GitHub's id (names change on rename or transfer).
 * An uninstalled repository is served no more; its ledger stays.
 */
@Entity
@Table(name = "repository")
public class TrackedRepository {

    @Id
    private long id;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "lookup_name", nullable = false)
    private String lookupName;
    @Column(name = "installation_id")
    private Long installationId;
    @Column(nullable = false)
    private boolean served;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected TrackedRepository() {
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Long installationId() {
        return installationId;
    }

    public boolean served() {
        return served;
    }
}
