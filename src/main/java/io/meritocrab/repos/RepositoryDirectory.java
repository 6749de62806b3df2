package io.meritocrab.repos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Keeps the list of installations and of the repositories the App serves. */
@ApplicationScoped
public class RepositoryDirectory {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    static String lookupName(String fullName) {
        return fullName.toLowerCase(Locale.ROOT);
    }

    public Optional<TrackedRepository> findByFullName(String fullName) {
        List<TrackedRepository> found = em.createQuery(
                        "SELECT r FROM TrackedRepository r WHERE r.lookupName = :name", TrackedRepository.class)
                .setParameter("name", lookupName(fullName))
                .getResultList();
        return found.stream().findFirst();
    }

    public Optional<TrackedRepository> find(long repositoryId) {
        return Optional.ofNullable(em.find(TrackedRepository.class, repositoryId));
    }

    /**
     * Records that a repository is (or is no longer) served by an installation, keeping its current
     * name. A repository first seen in any event is served: GitHub only delivers events for
     * repositories the App is installed on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(long repositoryId, String fullName, Long installationId, boolean served) {
        Instant now = clock.instant();
        // Another transaction may be inserting a repository under this name right now: the insert then
        // waits for it and inserts nothing. Once it has committed, its row is visible to the next
        // statement, so moving the name away and inserting again succeeds.
        for (int attempt = 0; attempt < 3 && !exists(repositoryId); attempt++) {
            takeNameFromOthers(repositoryId, fullName);
            em.createNativeQuery("INSERT INTO repository (id, full_name, lookup_name, installation_id, served, updated_at) "
                            + "VALUES (?, ?, ?, CAST(? AS BIGINT), ?, ?) ON CONFLICT DO NOTHING")
                    .setParameter(1, repositoryId)
                    .setParameter(2, fullName)
                    .setParameter(3, lookupName(fullName))
                    .setParameter(4, installationId)
                    .setParameter(5, served)
                    .setParameter(6, Timestamp.from(now))
                    .executeUpdate();
        }
        takeNameFromOthers(repositoryId, fullName);
        em.createNativeQuery("UPDATE repository SET full_name = ?, lookup_name = ?, "
                        + "installation_id = COALESCE(CAST(? AS BIGINT), installation_id), served = ?, updated_at = ? WHERE id = ?")
                .setParameter(1, fullName)
                .setParameter(2, lookupName(fullName))
                .setParameter(3, installationId)
                .setParameter(4, served)
                .setParameter(5, Timestamp.from(now))
                .setParameter(6, repositoryId)
                .executeUpdate();
    }

    /** Another repository may hold this name from before a rename or transfer: the name moves here. */
    private void takeNameFromOthers(long repositoryId, String fullName) {
        em.createNativeQuery("UPDATE repository SET lookup_name = CONCAT('#', CAST(id AS VARCHAR(32)), ':', "
                        + "lookup_name) WHERE lookup_name = ? AND id <> ?")
                .setParameter(1, lookupName(fullName))
                .setParameter(2, repositoryId)
                .executeUpdate();
    }

    private boolean exists(long repositoryId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM repository WHERE id = ?")
                .setParameter(1, repositoryId)
                .getSingleResult()).longValue() > 0;
    }

    /** Makes sure a repository that an event came from is known, without changing whether it is served. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TrackedRepository ensureKnown(long repositoryId, String fullName, Long installationId) {
        TrackedRepository existing = em.find(TrackedRepository.class, repositoryId);
        if (existing == null) {
            upsert(repositoryId, fullName, installationId, true);
            return em.find(TrackedRepository.class, repositoryId);
        }
        if (!existing.fullName().equals(fullName)) {
            upsert(repositoryId, fullName, installationId, existing.served());
            em.refresh(existing);
        }
        return existing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInstallation(long installationId, String accountLogin, boolean active) {
        Installation installation = em.find(Installation.class, installationId);
        if (installation == null) {
            em.persist(new Installation(installationId, accountLogin, active, clock.instant()));
        } else {
            installation.update(accountLogin, active, clock.instant());
        }
    }

    /** Stops serving every repository of an installation (uninstalled or suspended); ledgers stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stopServingInstallation(long installationId) {
        em.createNativeQuery("UPDATE repository SET served = FALSE, updated_at = ? WHERE installation_id = ?")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, installationId)
                .executeUpdate();
    }

    public List<TrackedRepository> served() {
        return em.createQuery("SELECT r FROM TrackedRepository r WHERE r.served = TRUE ORDER BY r.fullName",
                TrackedRepository.class).getResultList();
    }

    public Optional<Installation> installation(long installationId) {
        return Optional.ofNullable(em.find(Installation.class, installationId));
    }

    /** The repositories an installation serves, by name. */
    public List<TrackedRepository> servedBy(long installationId) {
        return em.createQuery("SELECT r FROM TrackedRepository r WHERE r.served = TRUE "
                        + "AND r.installationId = :installation ORDER BY r.fullName", TrackedRepository.class)
                .setParameter("installation", installationId)
                .getResultList();
    }

    public long activeInstallationCount() {
        return em.createQuery("SELECT COUNT(i) FROM Installation i WHERE i.active = TRUE", Long.class).getSingleResult();
    }

    public long servedRepositoryCount() {
        return em.createQuery("SELECT COUNT(r) FROM TrackedRepository r WHERE r.served = TRUE", Long.class)
                .getSingleResult();
    }
}
