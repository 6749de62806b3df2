package io.meritocrab.repoconfig;

import io.meritocrab.scoring.ScoringPolicy;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A repository's configuration in force, for maintainers (console, API): the values and where each
 * comes from, which file is in force, and what went wrong reading it.
 *
 * @param file           whether a `.meritocrab.toml` is in force
 * @param blobSha        git blob id of the file in force (null without one)
 * @param loadedAt       when the configuration in force was last read from GitHub (null: never)
 * @param lastError      why the last invalid file was refused (kept after a valid file replaced it)
 * @param lastErrorAt    when that file was read
 * @param errorInForce   whether the file now on GitHub is that invalid one (read after the one in force)
 * @param githubError    why GitHub cannot be asked at the moment (null when the last attempt succeeded)
 * @param githubErrorAt  since when GitHub cannot be asked
 * @param nextCheckAt    when GitHub is next asked (null: never asked yet)
 */
@JsonbNillable
public record EffectiveConfig(long repositoryId, ScoringPolicy policy, GateMode mode, List<String> trusted,
                              List<ConfigSetting> settings, List<String> warnings, FileState file, String blobSha,
                              Instant loadedAt, String lastError, Instant lastErrorAt, boolean errorInForce,
                              String githubError, Instant githubErrorAt, Instant nextCheckAt) {

    /** Whether a file is in force. */
    public enum FileState {
        /** GitHub has not been asked successfully yet: server defaults. */
        NOT_LOADED,
        /** The repository has no `.meritocrab.toml`: server defaults. */
        NO_FILE,
        /** A valid `.meritocrab.toml` is in force. */
        LOADED
    }

    static EffectiveConfig of(long repositoryId, RepositoryConfig config, StoredConfig stored) {
        if (stored == null) {
            return new EffectiveConfig(repositoryId, config.policy(), config.mode(), config.trusted().entries(),
                    config.settings(), config.warnings(), FileState.NOT_LOADED, null, null, null, null, false, null,
                    null, null);
        }
        FileState file = stored.fileText() != null ? FileState.LOADED
                : stored.loadedAt() != null ? FileState.NO_FILE : FileState.NOT_LOADED;
        boolean errorInForce = stored.lastErrorAt() != null
                && (stored.loadedAt() == null || stored.lastErrorAt().isAfter(stored.loadedAt()));
        return new EffectiveConfig(repositoryId, config.policy(), config.mode(), config.trusted().entries(),
                config.settings(), config.warnings(), file, stored.blobSha(), stored.loadedAt(), stored.lastError(),
                stored.lastErrorAt(), errorInForce, stored.fetchError(), stored.fetchErrorAt(), stored.nextCheckAt());
    }
}
