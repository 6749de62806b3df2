package io.meritocrab.repoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.repoconfig.EffectiveConfig.FileState;
import io.meritocrab.scoring.ScoringPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EffectiveConfigTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final RepositoryConfig DEFAULTS = RepositoryConfig.defaults(ScoringPolicy.defaults());

    @Test
    void withoutARowNothingWasLoaded() {
        EffectiveConfig config = EffectiveConfig.of(7, DEFAULTS, null);

        assertThat(config.file()).isEqualTo(FileState.NOT_LOADED);
        assertThat(config.loadedAt()).isNull();
        assertThat(config.errorInForce()).isFalse();
        assertThat(config.policy()).isEqualTo(ScoringPolicy.defaults());
    }

    @Test
    void aRowWithoutTextIsNoFileOnceGitHubAnsweredAndNotLoadedBefore() {
        assertThat(EffectiveConfig.of(7, DEFAULTS, row(null, T0, null, null, "GitHub answered 500")).file())
                .isEqualTo(FileState.NO_FILE);
        EffectiveConfig never = EffectiveConfig.of(7, DEFAULTS, row(null, null, null, null, "not configured"));
        assertThat(never.file()).isEqualTo(FileState.NOT_LOADED);
        assertThat(never.githubError()).isEqualTo("not configured");
        assertThat(EffectiveConfig.of(7, DEFAULTS, row("pr_threshold = 40", T0, null, null, null)).file())
                .isEqualTo(FileState.LOADED);
    }

    @Test
    void anErrorIsInForceUntilAFileIsLoadedAfterIt() {
        assertThat(EffectiveConfig.of(7, DEFAULTS, row("x = 1", T0, "bad", T0.plusSeconds(5), null)).errorInForce())
                .isTrue();
        assertThat(EffectiveConfig.of(7, DEFAULTS, row(null, null, "bad", T0, null)).errorInForce()).isTrue();
        EffectiveConfig fixed = EffectiveConfig.of(7, DEFAULTS, row("x = 1", T0.plusSeconds(9), "bad", T0, null));
        assertThat(fixed.errorInForce()).isFalse();
        assertThat(fixed.lastError()).isEqualTo("bad");
    }

    private static StoredConfig row(String text, Instant loadedAt, String error, Instant errorAt, String fetchError) {
        return new StoredConfig(7, text, text == null ? null : BlobSha.of(text), loadedAt, error, errorAt, fetchError,
                fetchError == null ? null : T0, T0.plusSeconds(600), 0, 1);
    }
}
