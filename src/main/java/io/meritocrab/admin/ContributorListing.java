package io.meritocrab.admin;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A repository's contributors, searched by login prefix and sorted by credit or last activity, in keyset
 * pages: the cursor is the last row's sort value and id.
 */
@ApplicationScoped
public class ContributorListing {

    @Inject
    ContributorRepository contributors;

    public Page<Views.ContributorSummary> list(TrackedRepository repository, String search, ContributorSort sort,
                                               int limit, String after) {
        String prefix = search == null || search.isBlank() ? null : search.strip();
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.parse(after, sort);
        List<Contributor> rows = contributors.page(repository.id(), prefix, sort.order(), sort.descending(),
                cursor == null ? null : cursor.value(), cursor == null ? null : cursor.id(), limit + 1);
        List<Views.ContributorSummary> items = rows.stream().limit(limit)
                .map(c -> new Views.ContributorSummary(c.login(), c.userId(), c.credit(), c.blacklisted(),
                        c.lastActivityAt()))
                .toList();
        String next = null;
        if (rows.size() > limit) {
            Contributor last = rows.get(limit - 1);
            next = Cursor.of(sort, last.id(), last.credit(), last.lastActivityAt());
        }
        return new Page<>(items, next);
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
