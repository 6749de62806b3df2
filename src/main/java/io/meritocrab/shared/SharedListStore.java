package io.meritocrab.shared;

import io.meritocrab.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of the `shared_list_entry` and `shared_list_change` tables: every change to an entry
 * writes its audit row in the same transaction.
 */
@ApplicationScoped
public class SharedListStore {

    private static final int MAX_CHANGES = 500;

    @PersistenceContext
    EntityManager em;

    /**
     * Whether the user has an entry in force (not expired) on this list. A count, not an entity: the
     * enforcement workers ask outside a transaction, where a persistence context may live as long as the
     * thread and would keep answering with the entry as it was first read.
     */
    public boolean inForce(long installationId, SharedList list, long userId, Instant now) {
        return em.createQuery("SELECT COUNT(e) FROM SharedListEntry e WHERE e.installationId = :installation "
                        + "AND e.userId = :user AND e.list = :list AND (e.expiresAt IS NULL OR e.expiresAt > :now)",
                        Long.class)
                .setParameter("installation", installationId)
                .setParameter("user", userId)
                .setParameter("list", list)
                .setParameter("now", Timestamps.utc(now))
                .getSingleResult() > 0;
    }

    public List<SharedListEntry> entries(long installationId, SharedList list) {
        return em.createQuery("SELECT e FROM SharedListEntry e WHERE e.installationId = :installation "
                        + "AND e.list = :list ORDER BY e.login", SharedListEntry.class)
                .setParameter("installation", installationId)
                .setParameter("list", list)
                .getResultList();
    }

    public List<SharedListChange> changes(long installationId) {
        return em.createQuery("SELECT c FROM SharedListChange c WHERE c.installationId = :installation "
                        + "ORDER BY c.changedAt DESC, c.id DESC", SharedListChange.class)
                .setParameter("installation", installationId)
                .setMaxResults(MAX_CHANGES)
                .getResultList();
    }

    /**
     * Puts the user on the list (or renews their entry there) and records it; refused when the user is
     * on the other list, which has to be left first.
     */
    @Transactional
    public SharedListEntry add(long installationId, SharedList list, long userId, String login, String actor,
                               String reason, Instant expiresAt, Instant now) {
        Optional<SharedListEntry> existing = entry(installationId, userId);
        if (existing.isPresent() && existing.get().list() != list) {
            throw new SharedListException.Conflict(login + " is on the " + existing.get().list().pathName()
                    + " list; remove them from it first");
        }
        SharedListEntry entry = existing.orElseGet(() -> new SharedListEntry(installationId, list, userId));
        entry.set(login, reason, actor, now, expiresAt);
        if (existing.isEmpty()) {
            em.persist(entry);
            insertNow(entry, login);
        }
        em.persist(new SharedListChange(installationId, list, SharedListChange.Kind.ADDED, userId, login, actor,
                reason, expiresAt, now));
        return entry;
    }

    /** Takes the user off the list and records it; empty when they were not on it. */
    @Transactional
    public Optional<SharedListEntry> remove(long installationId, SharedList list, long userId, String actor,
                                            String reason, Instant now) {
        Optional<SharedListEntry> existing = entry(installationId, userId).filter(e -> e.list() == list);
        existing.ifPresent(entry -> {
            em.remove(entry);
            em.persist(new SharedListChange(installationId, list, SharedListChange.Kind.REMOVED, userId, entry.login(),
                    actor, reason, null, now));
        });
        return existing;
    }

    /**
     * Inserts the new entry before the audit row: two owners adding the same user at the same moment
     * meet on the one-entry-per-user key here, and the second is told so instead of failing at commit.
     */
    private void insertNow(SharedListEntry entry, String login) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (uniqueKeyViolated(e)) {
                throw new SharedListException.Conflict(login + " was put on a list by someone else at the same "
                        + "moment; look at the lists again");
            }
            throw e;
        }
    }

    /** SQLSTATE 23505, the standard unique-violation code both PostgreSQL and H2 give. */
    private static boolean uniqueKeyViolated(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Optional<SharedListEntry> entry(long installationId, long userId) {
        return em.createQuery("SELECT e FROM SharedListEntry e WHERE e.installationId = :installation "
                        + "AND e.userId = :user", SharedListEntry.class)
                .setParameter("installation", installationId)
                .setParameter("user", userId)
                .getResultStream().findFirst();
    }
}
