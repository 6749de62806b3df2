package io.meritocrab.history;

import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The contributor's track record for the rules, when their repository opted into `[history]` and the record
 * is in {@link TrackRecordCache}: read from the table, never from GitHub, so it may be asked inside a
 * delivery's transaction.
 */
@ApplicationScoped
public class KnownRecords {

    @Inject
    RepositoryConfigs configs;
    @Inject
    TrackRecordCache cache;

    public Optional<TrackRecord> of(long repositoryId, long userId) {
        if (!configs.history(repositoryId).enabled()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return cache.fresh(userId, now).map(record -> RecordFigures.of(record, repositoryId, now));
    }
}
