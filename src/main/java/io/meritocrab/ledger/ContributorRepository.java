package io.meritocrab.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds contributors, creating them on first sight without a race between two deliveries. */
@ApplicationScoped
public class ContributorRepository {

    @PersistenceContext
    EntityManager em;

    /**
     * Returns the contributor row locked for update until the transaction ends, creating it with the
     * starting credit when it does not exist. Two transactions creating the same contributor both end
     * up with the one row: the insert ignores the conflict, then both lock the row one after the other.
     */
    public Contributor lockOrCreate(long repositoryId, long userId, String login, int startingCredit, Instant now) {
        em.createNativeQuery("INSERT INTO contributor (repository_id, user_id, login, credit, blacklisted, "
                        + "created_at, last_activity_at) VALUES (?, ?, ?, ?, FALSE, ?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, repositoryId)
                .setParameter(2, userId)
                .setParameter(3, login)
                .setParameter(4, startingCredit)
                .setParameter(5, Timestamp.from(now))
                .setParameter(6, Timestamp.from(now))
                .executeUpdate();
        Contributor contributor = em.createQuery(
                        "SELECT c FROM Contributor c WHERE c.repositoryId = :repo AND c.userId = :user", Contributor.class)
                .setParameter("repo", repositoryId)
                .setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        if (login != null && !login.equals(contributor.login())) {
            contributor.renameTo(login);
        }
        contributor.touch(now);
        return contributor;
    }

    /** Locks an existing contributor found by login (case-insensitive, as GitHub logins are). */
    public Optional<Contributor> lockByLogin(long repositoryId, String login) {
        return findByLogin(repositoryId, login).map(c -> {
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(c);
            return c;
        });
    }

    /** Locks an existing contributor found by GitHub user id (the id never changes; the login may). */
    public Optional<Contributor> lockByUserId(long repositoryId, long userId) {
        return em.createQuery("SELECT c FROM Contributor c WHERE c.repositoryId = :repo AND c.userId = :user",
                        Contributor.class)
                .setParameter("repo", repositoryId)
                .setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst();
    }

    /** Locks an existing contributor by its row id. */
    public Optional<Contributor> lockById(long contributorId) {
        return Optional.ofNullable(em.find(Contributor.class, contributorId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Contributor> findByLogin(long repositoryId, String login) {
        List<Contributor> found = em.createQuery(
                        "SELECT c FROM Contributor c WHERE c.repositoryId = :repo AND LOWER(c.login) = :login "
                                + "ORDER BY c.lastActivityAt DESC", Contributor.class)
                .setParameter("repo", repositoryId)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }

    public Optional<Contributor> findByUserId(long repositoryId, long userId) {
        return em.createQuery("SELECT c FROM Contributor c WHERE c.repositoryId = :repo AND c.userId = :user",
                        Contributor.class)
                .setParameter("repo", repositoryId)
                .setParameter("user", userId)
                .getResultList().stream().findFirst();
    }

    /** The contributor's newest ledger entries, newest first. */
    public List<LedgerEntry> latestEntries(long contributorId, int count) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.contributorId = :id ORDER BY e.seq DESC",
                        LedgerEntry.class)
                .setParameter("id", contributorId)
                .setMaxResults(count)
                .getResultList();
    }

    /** The newest entries that changed credit, leaving out status entries (blacklisted, unblacklisted). */
    public List<LedgerEntry> latestCreditEntries(long contributorId, int count) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.contributorId = :id AND e.kind NOT IN :status "
                        + "ORDER BY e.seq DESC", LedgerEntry.class)
                .setParameter("id", contributorId)
                .setParameter("status", List.of(EntryKind.BLACKLISTED, EntryKind.UNBLACKLISTED))
                .setMaxResults(count)
                .getResultList();
    }
}
