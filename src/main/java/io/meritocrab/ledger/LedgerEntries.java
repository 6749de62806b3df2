package io.meritocrab.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The owner of the {@code ledger_entry} table. Entries are only ever added (by {@link CreditLedger}, which
 * holds the contributor's lock) and read; nothing updates or deletes one. Entries imported from the
 * original meritocrab carry the key of their original row, unique, so an import is done once.
 */
@ApplicationScoped
public class LedgerEntries {

    private static final int KEYS_PER_QUERY = 500;

    @PersistenceContext
    EntityManager em;

    void add(LedgerEntry entry) {
        em.persist(entry);
    }

    /** Which of these import keys (see V60) entries already carry: the original rows imported before. */
    public Set<String> importedKeys(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            found.addAll(em.createQuery("SELECT e.importKey FROM LedgerEntry e WHERE e.importKey IN :keys",
                            String.class)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
                    .getResultList());
        }
        return found;
    }

    public Optional<LedgerEntry> find(long id) {
        return Optional.ofNullable(em.find(LedgerEntry.class, id));
    }

    /** The contributor's newest entries, newest first. */
    public List<LedgerEntry> latest(long contributorId, int count) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.contributorId = :id ORDER BY e.seq DESC",
                        LedgerEntry.class)
                .setParameter("id", contributorId)
                .setMaxResults(count)
                .getResultList();
    }

    /** The newest entries that changed credit, leaving out status entries (blacklisted, unblacklisted, a sanction step ended). */
    public List<LedgerEntry> latestCreditChanges(long contributorId, int count) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.contributorId = :id AND e.kind NOT IN :status "
                        + "ORDER BY e.seq DESC", LedgerEntry.class)
                .setParameter("id", contributorId)
                .setParameter("status", List.of(EntryKind.BLACKLISTED, EntryKind.UNBLACKLISTED,
                        EntryKind.SANCTION_ENDED))
                .setMaxResults(count)
                .getResultList();
    }

    /** A repository's entries older than the entry {@code beforeId}, newest first. */
    public List<LedgerEntry> newestBefore(long repositoryId, long beforeId, int limit) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.repositoryId = :repo AND e.id < :before "
                        + "ORDER BY e.id DESC", LedgerEntry.class)
                .setParameter("repo", repositoryId)
                .setParameter("before", beforeId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A repository's entries newer than the entry {@code afterId}, oldest first. */
    public List<LedgerEntry> oldestAfter(long repositoryId, long afterId, int limit) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.repositoryId = :repo AND e.id > :after "
                        + "ORDER BY e.id", LedgerEntry.class)
                .setParameter("repo", repositoryId)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }
}
