package io.meritocrab.repoconfig;

import io.meritocrab.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The `repository_config` table. Every write of a load result is conditional on the push generation the
 * load started from, so a file read before a push never replaces one read after it.
 */
@ApplicationScoped
public class RepositoryConfigStore {

    private static final int MAX_ERROR = 4000;
    private static final int MAX_FETCH_ERROR = 1000;

    @PersistenceContext
    EntityManager em;

    public Optional<StoredConfig> find(long repositoryId) {
        List<?> rows = em.createNativeQuery("SELECT file_text, blob_sha, loaded_at, last_error, last_error_at, "
                        + "fetch_error, fetch_error_at, next_check_at, generation, revision FROM repository_config "
                        + "WHERE repository_id = ?")
                .setParameter(1, repositoryId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new StoredConfig(repositoryId, (String) row[0], (String) row[1],
                Timestamps.fromColumn(row[2]), (String) row[3], Timestamps.fromColumn(row[4]), (String) row[5],
                Timestamps.fromColumn(row[6]), Timestamps.fromColumn(row[7]), ((Number) row[8]).longValue(),
                ((Number) row[9]).longValue()));
    }

    /** A push changed the file: the next look at the repository asks GitHub, and loads under way are void. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markChanged(long repositoryId, Instant now) {
        int inserted = em.createNativeQuery("INSERT INTO repository_config (repository_id, next_check_at, generation, "
                        + "revision) VALUES (?, ?, 1, 1) ON CONFLICT DO NOTHING")
                .setParameter(1, repositoryId)
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 0) {
            em.createNativeQuery("UPDATE repository_config SET generation = generation + 1, revision = revision + 1, "
                            + "next_check_at = ? "
                            + "WHERE repository_id = ?")
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, repositoryId)
                    .executeUpdate();
        }
    }

    /** A valid file ({@code text} non-null) or no file was read. @return false if a push came in between */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean saveLoaded(long repositoryId, long generation, String text, String blobSha, Instant now,
                              Instant nextCheck) {
        ensureRow(repositoryId, now);
        return em.createNativeQuery("UPDATE repository_config SET file_text = ?, blob_sha = ?, loaded_at = ?, "
                        + "fetch_error = NULL, fetch_error_at = NULL, next_check_at = ?, revision = revision + 1 "
                        + "WHERE repository_id = ? AND generation = ?")
                .setParameter(1, text)
                .setParameter(2, blobSha)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(nextCheck))
                .setParameter(5, repositoryId)
                .setParameter(6, generation)
                .executeUpdate() == 1;
    }

    /** An invalid file was read: the last valid text stays. @return false if a push came in between */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean saveInvalid(long repositoryId, long generation, String error, Instant now, Instant nextCheck) {
        ensureRow(repositoryId, now);
        return em.createNativeQuery("UPDATE repository_config SET last_error = ?, last_error_at = ?, "
                        + "fetch_error = NULL, fetch_error_at = NULL, next_check_at = ?, revision = revision + 1 "
                        + "WHERE repository_id = ? AND generation = ?")
                .setParameter(1, cut(error, MAX_ERROR))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(nextCheck))
                .setParameter(4, repositoryId)
                .setParameter(5, generation)
                .executeUpdate() == 1;
    }

    /** GitHub could not be asked: everything stays, GitHub is asked again at {@code nextCheck}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean saveUnreachable(long repositoryId, long generation, String failure, Instant now, Instant nextCheck) {
        ensureRow(repositoryId, now);
        return em.createNativeQuery("UPDATE repository_config SET fetch_error = ?, "
                        + "fetch_error_at = COALESCE(fetch_error_at, ?), next_check_at = ?, revision = revision + 1 "
                        + "WHERE repository_id = ? AND generation = ?")
                .setParameter(1, cut(failure, MAX_FETCH_ERROR))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(nextCheck))
                .setParameter(4, repositoryId)
                .setParameter(5, generation)
                .executeUpdate() == 1;
    }

    private void ensureRow(long repositoryId, Instant now) {
        em.createNativeQuery("INSERT INTO repository_config (repository_id, next_check_at, generation, "
                        + "revision) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, repositoryId)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, StoredConfig.NO_ROW)
                .executeUpdate();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
