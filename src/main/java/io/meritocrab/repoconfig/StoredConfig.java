package io.meritocrab.repoconfig;

import java.time.Instant;

/**
 * A repository's row of `repository_config`: the last valid file text (null: no file, or never read
 * when {@code loadedAt} is null too), the last problem with the file, the last failure to reach GitHub,
 * when GitHub is next asked, the push generation and the revision (see the migration).
 */
public record StoredConfig(long repositoryId, String fileText, String blobSha, Instant loadedAt, String lastError,
                           Instant lastErrorAt, String fetchError, Instant fetchErrorAt, Instant nextCheckAt,
                           long generation, long revision) {

    /** The generation of a repository that has no row yet. */
    static final long NO_ROW = 0;
}
