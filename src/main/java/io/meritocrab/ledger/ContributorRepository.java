package io.meritocrab.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds contributors, creating them on first sight without a race between two deliveries. */
@ApplicationScoped
public class ContributorRepository {

    @PersistenceContext
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Returns the contributor row locked for update until the transaction ends, creating it with the
     * starting credit when it does not exist. Two transactions creating the same contributor both end
     * up with the one row: the insert ignores the conflict, then both lock the row one after the other.
     */
    public Contributor lockOrCreate(long repositoryId, long userId, String login, int startingCredit, Instant now) {
        // Most events come from someone seen before: one locking read then, the insert only for newcomers.
        Contributor contributor = lockByUserId(repositoryId, userId).orElseGet(
                () -> create(repositoryId, userId, login, startingCredit, now));
        if (login != null && !login.equals(contributor.login())) {
            contributor.renameTo(login);
        }
        contributor.touch(now);
        return contributor;
    }

    /** Inserts a contributor unless another transaction just did, and locks the row either way. */
    private Contributor create(long repositoryId, long userId, String login, int startingCredit, Instant now) {
        int inserted = em.createNativeQuery("INSERT INTO contributor (repository_id, user_id, login, credit, "
                        + "blacklisted, created_at, last_activity_at) VALUES (?, ?, ?, ?, FALSE, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
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
        if (inserted == 1) {
            contributor.markFirstSeen();
        }
        transactions.putResource(lockKey(repositoryId, userId), contributor.id());
        return contributor;
    }

    /**
     * The contributor locked for an import from the original meritocrab, created with the starting credit
     * when it does not exist. The original's server mode knows no logins: without one, an existing row
     * keeps its login and a new one gets {@code placeholderLogin} until the contributor's next event here.
     */
    public Contributor lockOrCreateForImport(long repositoryId, long userId, String login, String placeholderLogin,
                                             int startingCredit, Instant now) {
        if (login == null) {
            Optional<Contributor> existing = lockByUserId(repositoryId, userId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        return lockOrCreate(repositoryId, userId, login == null ? placeholderLogin : login, startingCredit, now);
    }

    /** Locks an existing contributor found by login (case-insensitive, as GitHub logins are). */
    public Optional<Contributor> lockByLogin(long repositoryId, String login) {
        return findByLogin(repositoryId, login).map(c -> {
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(c);
            return c;
        });
    }

    /**
     * Locks an existing contributor found by GitHub user id (the id never changes; the login may). A row this
     * transaction has locked already is not read again: deliveries applied together lock a flooding
     * contributor once, and the entity in the persistence context is the row's latest state.
     */
    public Optional<Contributor> lockByUserId(long repositoryId, long userId) {
        String lockKey = lockKey(repositoryId, userId);
        Object lockedId = transactions.getResource(lockKey);
        if (lockedId != null) {
            Contributor locked = em.find(Contributor.class, lockedId);
            if (locked != null) {
                return Optional.of(locked);
            }
        }
        Optional<Contributor> found = em.createQuery(
                        "SELECT c FROM Contributor c WHERE c.repositoryId = :repo AND c.userId = :user", Contributor.class)
                .setParameter("repo", repositoryId)
                .setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst();
        found.ifPresent(contributor -> transactions.putResource(lockKey, contributor.id()));
        return found;
    }

    private static String lockKey(long repositoryId, long userId) {
        return ContributorRepository.class.getName() + ".locked:" + repositoryId + ":" + userId;
    }

    /** Locks an existing contributor by its row id. */
    public Optional<Contributor> lockById(long contributorId) {
        return Optional.ofNullable(em.find(Contributor.class, contributorId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Contributor> find(long contributorId) {
        return Optional.ofNullable(em.find(Contributor.class, contributorId));
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

    /** One GitHub account's contributor rows, one per repository where it has a ledger. */
    public List<Contributor> ofUser(long userId) {
        return em.createQuery("SELECT c FROM Contributor c WHERE c.userId = :user ORDER BY c.repositoryId",
                        Contributor.class)
                .setParameter("user", userId)
                .getResultList();
    }

    /** The contributors with these row ids, by id (for showing who an entry or evaluation is about). */
    public Map<Long, Contributor> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM Contributor c WHERE c.id IN :ids", Contributor.class)
                .setParameter("ids", List.copyOf(new HashSet<>(ids)))
                .getResultList().stream()
                .collect(Collectors.toMap(Contributor::id, Function.identity()));
    }

    /** How many contributors the repository has. */
    public long count(long repositoryId) {
        return em.createQuery("SELECT COUNT(c) FROM Contributor c WHERE c.repositoryId = :repo", Long.class)
                .setParameter("repo", repositoryId)
                .getSingleResult();
    }

    /**
     * One keyset page of a repository's contributors whose login starts with {@code loginPrefix} (any, when
     * null), in {@code order}, after the row whose sort value and id are {@code afterValue} and
     * {@code afterId} (from the start, when {@code afterId} is null). A deep page costs what the first
     * does (indexes in V30/V31).
     */
    public List<Contributor> page(long repositoryId, String loginPrefix, ContributorOrder order, boolean descending,
                                  Object afterValue, Long afterId, int limit) {
        String direction = descending ? "DESC" : "ASC";
        StringBuilder sql = new StringBuilder("SELECT * FROM contributor WHERE repository_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(repositoryId));
        if (loginPrefix != null) {
            sql.append(" AND LOWER(login) LIKE ? ESCAPE '\\'");
            parameters.add(likePrefix(loginPrefix.toLowerCase(Locale.ROOT)));
        }
        if (afterId != null) {
            String comparison = descending ? "<" : ">";
            if (order == ContributorOrder.ID) {
                sql.append(" AND id ").append(comparison).append(" ?");
            } else {
                sql.append(" AND (").append(order.column()).append(", id) ").append(comparison).append(" (?, ?)");
                parameters.add(afterValue);
            }
            parameters.add(afterId);
        }
        sql.append(" ORDER BY ");
        if (order != ContributorOrder.ID) {
            sql.append(order.column()).append(' ').append(direction).append(", ");
        }
        sql.append("id ").append(direction);
        Query query = em.createNativeQuery(sql.toString(), Contributor.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Contributor> page = query.setMaxResults(limit).getResultList();
        return page;
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
