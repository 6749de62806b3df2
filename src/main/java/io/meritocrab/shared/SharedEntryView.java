package io.meritocrab.shared;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** An entry of a shared list as owners and maintainers see it (console, API). */
@JsonbNillable
public record SharedEntryView(long userId, String login, SharedList list, String reason, String addedBy,
                              Instant addedAt, Instant expiresAt, boolean expired) {

    static SharedEntryView of(SharedListEntry entry, Instant now) {
        return new SharedEntryView(entry.userId(), entry.login(), entry.list(), entry.reason(), entry.addedBy(),
                entry.addedAt(), entry.expiresAt(), entry.expired(now));
    }
}
