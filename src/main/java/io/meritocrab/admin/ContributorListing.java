package io.meritocrab.admin;

import io.meritocrab.platform.Timestamps;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A repository's contributors, searched by login prefix and sorted by credit or last activity, in keyset
 * pages: the cursor is the last row's sort value and id, so a deep page costs what the first does
 * (indexes in V30/V31).
 */
@ApplicationScoped
public class ContributorListing {

    @PersistenceContext
    EntityManager em;

    public Page<Views.ContributorSummary> list(TrackedRepository repository, String search, ContributorSort sort,
                                               int limit, String after) {
        String direction = sort.descending() ? "DESC" : "ASC";
        StringBuilder sql = new StringBuilder("SELECT id, login, user_id, credit, blacklisted, last_activity_at "
                + "FROM contributor WHERE repository_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(repository.id()));
        if (search != null && !search.isBlank()) {
            sql.append(" AND LOWER(login) LIKE ? ESCAPE '\\'");
            parameters.add(likePrefix(search.strip().toLowerCase(Locale.ROOT)));
        }
        if (after != null && !after.isBlank()) {
            Cursor cursor = Cursor.parse(after, sort);
            String comparison = sort.descending() ? "<" : ">";
            if (sort == ContributorSort.ID) {
                sql.append(" AND id ").append(comparison).append(" ?");
            } else {
                sql.append(" AND (").append(sort.column()).append(", id) ").append(comparison).append(" (?, ?)");
                parameters.add(cursor.value());
            }
            parameters.add(cursor.id());
        }
        sql.append(" ORDER BY ");
        if (sort != ContributorSort.ID) {
            sql.append(sort.column()).append(' ').append(direction).append(", ");
        }
        sql.append("id ").append(direction);
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        List<Views.ContributorSummary> items = rows.stream().limit(limit)
                .map(r -> new Views.ContributorSummary((String) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).intValue(), (Boolean) r[4], Timestamps.fromColumn(r[5])))
                .toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = Cursor.of(sort, ((Number) last[0]).longValue(), ((Number) last[3]).intValue(),
                    Timestamps.fromColumn(last[5]));
        }
        return new Page<>(items, next);
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The opaque cursor: "id", or "value~id" when sorted by credit or time (ISO-8601 instant). */
    private record Cursor(Object value, long id) {

        static String of(ContributorSort sort, long id, int credit, Instant activity) {
            if (sort == ContributorSort.ID) {
                return String.valueOf(id);
            }
            return (sort.byTime() ? activity.toString() : String.valueOf(credit)) + "~" + id;
        }

        static Cursor parse(String text, ContributorSort sort) {
            try {
                if (sort == ContributorSort.ID) {
                    return new Cursor(null, Long.parseLong(text.trim()));
                }
                int tilde = text.lastIndexOf('~');
                long id = Long.parseLong(text.substring(tilde + 1));
                String value = text.substring(0, tilde);
                return new Cursor(sort.byTime() ? Timestamp.from(Instant.parse(value)) : Integer.valueOf(value), id);
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw ApiError.badRequest("after must be a cursor returned as next by an earlier page");
            }
        }
    }
}
