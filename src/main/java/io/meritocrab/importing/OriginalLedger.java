package io.meritocrab.importing;

import io.meritocrab.evaluation.Classification;
import java.util.List;

/**
 * What the original meritocrab kept, read from its database or its Actions-mode files, grouped by
 * repository; rows that cannot be brought over are kept with the reason, for the dry run to show.
 * Every importable row carries a key that stays the same however often the same data is read.
 */
public record OriginalLedger(String source, List<Repository> repositories, List<Unmapped> unmapped) {

    public OriginalLedger {
        repositories = List.copyOf(repositories);
        unmapped = List.copyOf(unmapped);
    }

    /** One repository's contributors (with their events, oldest first) and its pending evaluations. */
    public record Repository(String fullName, List<Contributor> contributors, List<Pending> pending,
                             List<Unmapped> unmapped) {
        public Repository {
            contributors = List.copyOf(contributors);
            pending = List.copyOf(pending);
            unmapped = List.copyOf(unmapped);
        }

        public int eventCount() {
            return contributors.stream().mapToInt(c -> c.events().size()).sum();
        }
    }

    /** A contributor as the original last saw it; {@code login} is null where the original kept none. */
    public record Contributor(long userId, String login, int credit, boolean blacklisted, List<Event> events,
                              String keyPrefix) {
        public Contributor {
            events = List.copyOf(events);
        }

        /** The key of the entry that brings the credit to the original's, when the events do not end there. */
        public String creditKey() {
            return ImportKeys.of(keyPrefix + ":credit:" + credit + ":" + events.size());
        }

        public String blacklistKey() {
            return ImportKeys.of(keyPrefix + ":blacklisted");
        }
    }

    /** One credit event of the original, as it recorded it. */
    public record Event(String key, String eventType, int delta, int creditBefore, int creditAfter, String time,
                        String evaluation, String override, Long pullRequest) {
    }

    /** An evaluation waiting in the original's review queue. */
    public record Pending(String key, long userId, Classification classification, double confidence,
                          int proposedDelta, String note, String time) {
    }

    /** A row that is not brought over, and why. */
    public record Unmapped(String row, String reason) {
    }
}
