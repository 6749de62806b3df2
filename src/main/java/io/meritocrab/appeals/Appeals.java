package io.meritocrab.appeals;

import io.meritocrab.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The `appeal` table's one owner. */
@ApplicationScoped
public class Appeals {

    @PersistenceContext
    EntityManager em;

    Appeal add(Appeal appeal) {
        em.persist(appeal);
        em.flush();
        return appeal;
    }

    /**
     * Writes what the transaction changed so far: an appeal pointing at a ledger entry written in the same
     * transaction must follow its insert (nothing tells EclipseLink's write order that it depends on it).
     */
    void flush() {
        em.flush();
    }

    Optional<Appeal> find(long id) {
        return Optional.ofNullable(em.find(Appeal.class, id));
    }

    /** Locks the appeal's row and reads it again (another transaction may have decided it meanwhile). */
    void lock(Appeal appeal) {
        em.refresh(appeal, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every appeal ever made on one ledger entry. */
    List<Appeal> onEntry(long ledgerEntryId) {
        return em.createQuery("SELECT a FROM Appeal a WHERE a.ledgerEntryId = :entry ORDER BY a.id", Appeal.class)
                .setParameter("entry", ledgerEntryId)
                .getResultList();
    }

    /** The contributor's appeals made since {@code since}, oldest first. */
    List<Appeal> madeSince(long contributorId, Instant since) {
        return em.createQuery("SELECT a FROM Appeal a WHERE a.contributorId = :contributor AND a.createdAt >= :since "
                        + "ORDER BY a.createdAt", Appeal.class)
                .setParameter("contributor", contributorId)
                .setParameter("since", Timestamps.utc(since))
                .getResultList();
    }

    /** The newest appeal on each of these entries (for showing an entry's appeal to its contributor). */
    public List<Appeal> onEntries(Collection<Long> ledgerEntryIds) {
        if (ledgerEntryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM Appeal a WHERE a.ledgerEntryId IN :entries ORDER BY a.id", Appeal.class)
                .setParameter("entries", List.copyOf(ledgerEntryIds))
                .getResultList();
    }

    /** A repository's appeals in one status, oldest first, after the appeal {@code afterId}. */
    public List<Appeal> inStatus(long repositoryId, AppealStatus status, long afterId, int limit) {
        return em.createQuery("SELECT a FROM Appeal a WHERE a.repositoryId = :repo AND a.status = :status "
                        + "AND a.id > :after ORDER BY a.id", Appeal.class)
                .setParameter("repo", repositoryId)
                .setParameter("status", status)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countOpen(long repositoryId) {
        return em.createQuery("SELECT COUNT(a) FROM Appeal a WHERE a.repositoryId = :repo AND a.status = :status",
                        Long.class)
                .setParameter("repo", repositoryId)
                .setParameter("status", AppealStatus.OPEN)
                .getSingleResult();
    }
}
