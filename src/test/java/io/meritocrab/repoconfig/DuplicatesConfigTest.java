package io.meritocrab.repoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.scoring.ScoringPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `[duplicates]` in `.meritocrab.toml`: off unless the file says so. */
class DuplicatesConfigTest {

    @Test
    void aFileWithoutTheTableLeavesDuplicatesOff() {
        RepositoryConfig config = valid("pr_threshold = 40\n");

        assertThat(config.duplicates()).isEqualTo(DuplicateRules.off());
        assertThat(config.duplicates().enabled()).isFalse();
        assertThat(config.settings()).contains(
                new ConfigSetting("duplicates.enabled", "false", ConfigSource.SERVER_DEFAULT),
                new ConfigSetting("duplicates.window_days", "30", ConfigSource.SERVER_DEFAULT));
        assertThat(RepositoryConfig.defaults(ScoringPolicy.defaults()).duplicates().enabled()).isFalse();
    }

    @Test
    void enabledAndWindowDaysAreRead() {
        RepositoryConfig config = valid("""
                [duplicates]
                enabled = true
                window_days = 14
                """);

        assertThat(config.duplicates()).isEqualTo(new DuplicateRules(true, 14));
        assertThat(config.warnings()).isEmpty();
        assertThat(config.settings()).contains(new ConfigSetting("duplicates.enabled", "true", ConfigSource.FILE),
                new ConfigSetting("duplicates.window_days", "14", ConfigSource.FILE));
    }

    @Test
    void theWindowDefaultsToThirtyDays() {
        assertThat(valid("[duplicates]\nenabled = true\n").duplicates()).isEqualTo(new DuplicateRules(true, 30));
    }

    @Test
    void wrongTypesAndRangesMakeTheFileInvalid() {
        assertThat(invalid("""
                [duplicates]
                enabled = "yes"
                window_days = 0
                """)).containsExactly("line 2: duplicates.enabled must be true or false, not a string",
                "line 3: duplicates.window_days = 0 is out of range: it must be between 1 and 365");
        assertThat(invalid("duplicates = true\n")).containsExactly("line 1: duplicates must be a table ([duplicates]), "
                + "not a boolean");
    }

    @Test
    void anUnknownKeyInTheTableIsAWarning() {
        RepositoryConfig config = valid("[duplicates]\nenabled = true\nthreshold = 0.9\n");

        assertThat(config.duplicates().enabled()).isTrue();
        assertThat(config.warnings()).containsExactly("line 3: unknown key duplicates.threshold is ignored");
    }

    private static RepositoryConfig valid(String text) {
        ParseOutcome outcome = ConfigFileParser.parse(text, ScoringPolicy.defaults());
        assertThat(outcome).isInstanceOf(ParseOutcome.Valid.class);
        return ((ParseOutcome.Valid) outcome).config();
    }

    private static List<String> invalid(String text) {
        ParseOutcome outcome = ConfigFileParser.parse(text, ScoringPolicy.defaults());
        assertThat(outcome).isInstanceOf(ParseOutcome.Invalid.class);
        return ((ParseOutcome.Invalid) outcome).errors();
    }
}
