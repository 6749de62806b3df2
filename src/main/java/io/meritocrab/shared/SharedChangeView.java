package io.meritocrab.shared;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** One line of "who trusted whom": an addition to or removal from a shared list. */
@JsonbNillable
public record SharedChangeView(long id, SharedList list, SharedListChange.Kind change, long userId, String login,
                               String actor, String reason, Instant expiresAt, Instant changedAt) {

    static SharedChangeView of(SharedListChange change) {
        return new SharedChangeView(change.id(), change.list(), change.kind(), change.userId(), change.login(),
                change.actor(), change.reason(), change.expiresAt(), change.changedAt());
    }
}
