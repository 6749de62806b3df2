package io.meritocrab.repoconfig;

import io.meritocrab.scoring.ScoringPolicy;
import java.util.List;

/**
 * What governs one repository: its scoring policy, gate mode, trusted contributors, the issues that
 * unlock the gate, whether the record elsewhere on GitHub counts ({@code history}), whether it honours
 * the installation's shared lists and whether pull requests are checked for duplicates, with the source of
 * each value and the warnings the file gave (unknown keys, duplicate entries), for maintainers.
 */
public record RepositoryConfig(ScoringPolicy policy, GateMode mode, TrustedList trusted, UnlockRules unlock,
                               HistoryRules history, SharedOptIn shared, DuplicateRules duplicates,
                               List<ConfigSetting> settings, List<String> warnings) {

    public RepositoryConfig {
        settings = List.copyOf(settings);
        warnings = List.copyOf(warnings);
    }

    /** The server defaults, for a repository without a (valid) `.meritocrab.toml`. */
    public static RepositoryConfig defaults(ScoringPolicy serverDefaults) {
        return ConfigFileParser.defaults(serverDefaults);
    }
}
