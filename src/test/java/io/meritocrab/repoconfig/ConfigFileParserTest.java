package io.meritocrab.repoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.scoring.SanctionSteps;
import io.meritocrab.scoring.ScoreRow;
import io.meritocrab.scoring.ScoringPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileParserTest {

    private static final ScoringPolicy SERVER = ScoringPolicy.defaults();

    /** SPEC §4's example with the `bonus` shorthand in place of the original's four-class tables. */
    static final String SHORTHAND_EXAMPLE = """
            starting_credit = 100
            pr_threshold = 50
            blacklist_threshold = 0
            [pr_opened]
            spam = -25
            low = -5
            acceptable = 5
            high = 15
            [comment]
            spam = -10
            low = -2
            acceptable = 1
            high = 3
            [pr_merged]
            bonus = 20
            [review_submitted]
            bonus = 5
            """;

    @Test
    void theOriginalFormatIsReadCompletely() {
        RepositoryConfig config = valid("""
                starting_credit = 80
                pr_threshold = 40
                blacklist_threshold = 5
                [pr_opened]
                spam = -30
                low = -6
                acceptable = 4
                high = 12
                [comment]
                spam = -11
                low = -3
                acceptable = 2
                high = 4
                [pr_merged]
                bonus = 25
                [review_submitted]
                bonus = 7
                """);

        assertThat(config.policy()).isEqualTo(new ScoringPolicy(80, 40, 5, SERVER.confidenceThreshold(),
                new ScoreRow(-30, -6, 4, 12), new ScoreRow(-11, -3, 2, 4), new ScoreRow(25, 25, 25, 25),
                new ScoreRow(7, 7, 7, 7)));
        assertThat(config.mode()).isEqualTo(GateMode.ENFORCE);
        assertThat(config.trusted().isEmpty()).isTrue();
        assertThat(config.warnings()).isEmpty();
        assertThat(config.settings()).filteredOn(s -> s.source() == ConfigSource.FILE).hasSize(13);
    }

    @Test
    void theOriginalsExampleFileIsReadWithoutWarningsAndEqualsTheDefaults() throws IOException {
        String example;
        try (InputStream in = ConfigFileParserTest.class.getResourceAsStream("/original/meritocrab.toml.example")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        RepositoryConfig config = valid(example);

        assertThat(config.policy()).isEqualTo(SERVER);
        assertThat(config.policy().pullRequestMerged()).isEqualTo(new ScoreRow(0, 0, 20, 20));
        assertThat(config.policy().reviewSubmitted()).isEqualTo(new ScoreRow(0, 0, 5, 5));
        assertThat(config.warnings()).isEmpty();
        assertThat(config.settings()).filteredOn(s -> s.source() == ConfigSource.FILE).hasSize(19);
    }

    @Test
    void theOriginalsFourClassMergeAndReviewTablesAreRead() {
        RepositoryConfig config = valid("""
                [pr_merged]
                spam = 0
                low = 2
                acceptable = 25
                high = 40
                [review_submitted]
                acceptable = 4
                """);

        assertThat(config.policy().pullRequestMerged()).isEqualTo(new ScoreRow(0, 2, 25, 40));
        assertThat(config.policy().reviewSubmitted()).isEqualTo(new ScoreRow(0, 0, 4, 5));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void theBonusShorthandIsOneValueInEveryClass() {
        ScoringPolicy policy = valid(SHORTHAND_EXAMPLE).policy();

        assertThat(policy.pullRequestMerged()).isEqualTo(new ScoreRow(20, 20, 20, 20));
        assertThat(policy.reviewSubmitted()).isEqualTo(new ScoreRow(5, 5, 5, 5));
        assertThat(policy.pullRequestOpened()).isEqualTo(SERVER.pullRequestOpened());
    }

    @Test
    void bonusBesideTheClassesIsAnError() {
        assertThat(invalid("[pr_merged]\nbonus = 20\nhigh = 30")).containsExactly(
                "line 2: pr_merged: give either bonus or spam, low, acceptable and high, not both");
        assertThat(invalid("[review_submitted]\nspam = 5\nlow = 1")).singleElement().asString()
                .startsWith("review_submitted: scores must not fall from spam to high");
    }

    @Test
    void anEmptyFileIsAllServerDefaults() {
        RepositoryConfig config = valid("");

        assertThat(config.policy()).isEqualTo(SERVER);
        assertThat(config.mode()).isEqualTo(GateMode.ENFORCE);
        assertThat(config.settings()).extracting(ConfigSetting::source).containsOnly(ConfigSource.SERVER_DEFAULT);
        assertThat(config.settings()).extracting(ConfigSetting::key).containsExactly("starting_credit", "pr_threshold",
                "blacklist_threshold", "pr_opened.spam", "pr_opened.low", "pr_opened.acceptable", "pr_opened.high",
                "comment.spam", "comment.low", "comment.acceptable", "comment.high", "pr_merged.spam",
                "pr_merged.low", "pr_merged.acceptable", "pr_merged.high", "review_submitted.spam",
                "review_submitted.low", "review_submitted.acceptable", "review_submitted.high", "mode", "trusted",
                "gate.unlock", "sanctions.steps", "history.enabled", "history.max_bonus", "history.max_penalty",
                "shared.trust", "shared.deny", "duplicates.enabled", "duplicates.window_days");
        assertThat(config.unlock().any()).isFalse();
        assertThat(config.history()).isEqualTo(HistoryRules.off());
        assertThat(config.shared()).isEqualTo(SharedOptIn.none());
    }

    @Test
    void missingKeysTakeTheServerDefaultsWhateverTheyAre() {
        ScoringPolicy server = new ScoringPolicy(70, 30, 2, 0.9, new ScoreRow(-20, -4, 6, 16),
                new ScoreRow(-9, -1, 2, 5), new ScoreRow(10, 10, 10, 10), new ScoreRow(3, 3, 3, 3));

        RepositoryConfig config = valid("pr_threshold = 45\n[pr_opened]\nlow = -8\n", server);

        assertThat(config.policy()).isEqualTo(new ScoringPolicy(70, 45, 2, 0.9, new ScoreRow(-20, -8, 6, 16),
                new ScoreRow(-9, -1, 2, 5), new ScoreRow(10, 10, 10, 10), new ScoreRow(3, 3, 3, 3)));
        assertThat(config.settings()).contains(
                new ConfigSetting("pr_threshold", "45", ConfigSource.FILE),
                new ConfigSetting("pr_opened.low", "-8", ConfigSource.FILE),
                new ConfigSetting("pr_opened.spam", "-20", ConfigSource.SERVER_DEFAULT),
                new ConfigSetting("starting_credit", "70", ConfigSource.SERVER_DEFAULT));
    }

    @Test
    void dottedKeysAndInlineTablesAreTheSameAsTables() {
        assertThat(valid("pr_opened.low = -7\ncomment = { high = 9 }\n").policy())
                .satisfies(p -> assertThat(p.pullRequestOpened().low()).isEqualTo(-7))
                .satisfies(p -> assertThat(p.comment().high()).isEqualTo(9));
    }

    @Test
    void modeAndTrustedAreRead() {
        RepositoryConfig config = valid("""
                mode = "observe"
                trusted = ["Alice", "@Acme-Corp", "bob-2"]
                """);

        assertThat(config.mode()).isEqualTo(GateMode.OBSERVE);
        assertThat(config.trusted().trustsLogin("alice")).isTrue();
        assertThat(config.trusted().trustsLogin("ALICE")).isTrue();
        assertThat(config.trusted().trustsLogin("carol")).isFalse();
        assertThat(config.trusted().organisations()).containsExactly("acme-corp");
        assertThat(config.trusted().entries()).containsExactly("alice", "bob-2", "@acme-corp");
        assertThat(config.settings()).contains(new ConfigSetting("mode", "observe", ConfigSource.FILE),
                new ConfigSetting("trusted", "[\"Alice\", \"@Acme-Corp\", \"bob-2\"]", ConfigSource.FILE));
    }

    @Test
    void gateUnlockReadsAssignedAndLabels() {
        RepositoryConfig config = valid("""
                [gate]
                unlock = ["label:good first PR", "assigned", "label:help-wanted"]
                """);

        assertThat(config.unlock().assigned()).isTrue();
        assertThat(config.unlock().labels()).containsExactlyInAnyOrder("good first PR", "help-wanted");
        assertThat(config.warnings()).isEmpty();
        assertThat(config.settings()).contains(new ConfigSetting("gate.unlock",
                "[\"assigned\", \"label:good first PR\", \"label:help-wanted\"]", ConfigSource.FILE));
        assertThat(valid("[gate]\nunlock = [\"label:x\"]").unlock().assigned()).isFalse();
        assertThat(valid("[gate]\nunlock = []").unlock().any()).isFalse();
    }

    @Test
    void sharedListsAreHonouredOnlyWhereTheFileTurnsThemOn() {
        RepositoryConfig both = valid("[shared]\ntrust = true\ndeny = true\n");
        RepositoryConfig denyOnly = valid("[shared]\ndeny = true\n");

        assertThat(both.shared()).isEqualTo(new SharedOptIn(true, true));
        assertThat(both.settings()).contains(new ConfigSetting("shared.trust", "true", ConfigSource.FILE),
                new ConfigSetting("shared.deny", "true", ConfigSource.FILE));
        assertThat(denyOnly.shared()).isEqualTo(new SharedOptIn(false, true));
        assertThat(denyOnly.settings()).contains(new ConfigSetting("shared.trust", "false", ConfigSource.SERVER_DEFAULT));
        assertThat(valid("[shared]\ntrust = false\n").shared()).isEqualTo(SharedOptIn.none());
        assertThat(denyOnly.warnings()).isEmpty();
    }

    @Test
    void sharedFlagsMustBeBooleans() {
        assertThat(invalid("[shared]\ntrust = \"yes\"\ndeny = 1\n")).containsExactly(
                "line 2: shared.trust must be true or false, not a string",
                "line 3: shared.deny must be true or false, not an integer");
        assertThat(invalid("shared = true\n")).containsExactly("line 1: shared must be a table ([shared]), not a boolean");
        assertThat(valid("[shared]\nallow = true\n").warnings()).containsExactly("line 2: unknown key shared.allow is ignored");
    }

    @Test
    void gateUnlockEntriesMustBeAssignedOrALabel() {
        assertThat(invalid("""
                [gate]
                unlock = ["assignee", "label:", 3, "label:%s"]
                """.formatted("x".repeat(51)))).containsExactly(
                "line 2: gate.unlock entries are \"assigned\" or \"label:NAME\" (a label of at most 50 characters), "
                        + "not \"assignee\"",
                "line 2: gate.unlock entries are \"assigned\" or \"label:NAME\" (a label of at most 50 characters), "
                        + "not \"label:\"",
                "line 2: gate.unlock entries are \"assigned\" or \"label:NAME\" (a label of at most 50 characters), "
                        + "not an integer",
                "line 2: gate.unlock entries are \"assigned\" or \"label:NAME\" (a label of at most 50 characters), "
                        + "not \"label:" + "x".repeat(51) + "\"");
        assertThat(invalid("[gate]\nunlock = \"assigned\"")).containsExactly(
                "line 2: gate.unlock must be an array of \"assigned\" and \"label:NAME\", not a string");
        assertThat(valid("[gate]\nunlocks = [\"assigned\"]").warnings())
                .containsExactly("line 2: unknown key gate.unlocks is ignored");
    }

    @Test
    void sanctionStepsAreRead() {
        RepositoryConfig config = valid("""
                [sanctions]
                steps = ["7d", "30d", "permanent"]
                """);

        assertThat(config.policy().sanctions().entries()).containsExactly("7d", "30d", "permanent");
        assertThat(config.settings()).contains(new ConfigSetting("sanctions.steps",
                "[\"7d\", \"30d\", \"permanent\"]", ConfigSource.FILE));
        assertThat(valid("").policy().sanctions()).isEqualTo(SanctionSteps.permanent());
        assertThat(valid("").settings()).contains(new ConfigSetting("sanctions.steps", "[\"permanent\"]",
                ConfigSource.SERVER_DEFAULT));
    }

    @Test
    void sanctionStepsMustBeDurationsOrPermanent() {
        assertThat(invalid("[sanctions]\nsteps = [\"7d\", \"a week\", 7, \"0d\"]")).containsExactly(
                "line 2: sanctions.steps entries are a number of days, hours, minutes or seconds (\"7d\", \"12h\", "
                        + "\"30m\", \"10s\") or \"permanent\", not \"a week\"",
                "line 2: sanctions.steps entries are a number of days, hours, minutes or seconds (\"7d\", \"12h\", "
                        + "\"30m\", \"10s\") or \"permanent\", not an integer",
                "line 2: sanctions.steps entries are a number of days, hours, minutes or seconds (\"7d\", \"12h\", "
                        + "\"30m\", \"10s\") or \"permanent\", not \"0d\"");
        assertThat(invalid("[sanctions]\nsteps = []")).containsExactly(
                "line 2: sanctions.steps must be a non-empty array of steps like \"7d\" and \"permanent\", not an "
                        + "empty array");
    }

    @Test
    void historyIsOffUnlessEnabledAndItsBoundsDefaultToTwenty() {
        assertThat(valid("").history().enabled()).isFalse();
        assertThat(valid("[history]\nenabled = true").history()).isEqualTo(new HistoryRules(true, 20, 20));
        RepositoryConfig config = valid("[history]\nenabled = true\nmax_bonus = 10\nmax_penalty = 40");
        assertThat(config.history()).isEqualTo(new HistoryRules(true, 10, 40));
        assertThat(config.settings()).contains(new ConfigSetting("history.enabled", "true", ConfigSource.FILE),
                new ConfigSetting("history.max_bonus", "10", ConfigSource.FILE),
                new ConfigSetting("history.max_penalty", "40", ConfigSource.FILE));
    }

    @Test
    void historyValuesMustHaveTheirTypeAndRange() {
        assertThat(invalid("[history]\nenabled = \"yes\"\nmax_bonus = -1\nmax_penalty = 1001")).containsExactly(
                "line 2: history.enabled must be true or false, not a string",
                "line 3: history.max_bonus = -1 is out of range: it must be between 0 and 1000",
                "line 4: history.max_penalty = 1001 is out of range: it must be between 0 and 1000");
        assertThat(invalid("history = true")).containsExactly("line 1: history must be a table ([history]), not a boolean");
        assertThat(valid("[history]\nenabled = true\nmax = 3").warnings())
                .containsExactly("line 3: unknown key history.max is ignored");
    }

    @Test
    void enforceIsTheDefaultMode() {
        assertThat(valid("mode = \"enforce\"").mode()).isEqualTo(GateMode.ENFORCE);
        assertThat(valid("pr_threshold = 10").mode()).isEqualTo(GateMode.ENFORCE);
    }

    @Test
    void unknownKeysAreWarningsAndTheFileStaysValid() {
        RepositoryConfig config = valid("""
                pr_treshold = 10
                confidence_threshold = 0.5
                [pr_opened]
                spma = -3
                [extra]
                x = 1
                """);

        assertThat(config.policy()).isEqualTo(SERVER);
        assertThat(config.warnings()).containsExactly(
                "line 1: unknown key pr_treshold is ignored",
                "line 2: unknown key confidence_threshold is ignored",
                "line 4: unknown key pr_opened.spma is ignored",
                "line 5: unknown key extra is ignored");
    }

    @Test
    void duplicateTrustedEntriesAreAWarning() {
        RepositoryConfig config = valid("trusted = [\"alice\", \"ALICE\"]");

        assertThat(config.trusted().entries()).containsExactly("alice");
        assertThat(config.warnings()).containsExactly("line 1: trusted entry \"ALICE\" is listed twice");
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        assertThat(valid("\uFEFFpr_threshold = 30").policy().prThreshold()).isEqualTo(30);
    }

    @Test
    void notTomlIsInvalidWithTheLineAndColumn() {
        List<String> errors = invalid("pr_threshold = 50\nstarting_credit = = 3\n");

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("line 2, column ");
    }

    @Test
    void deeplyNestedArraysAreInvalidInsteadOfOverflowingTheParsersStack() {
        String nested = "trusted = " + "[".repeat(1000) + "]".repeat(1000) + "\n";

        assertThat(invalid("pr_threshold = 50\n" + nested))
                .containsExactly("line 2: arrays and tables are nested more than 16 deep");
        assertThat(invalid("x = " + "{ a = ".repeat(1000) + "1" + " }".repeat(1000)))
                .containsExactly("line 1: arrays and tables are nested more than 16 deep");
    }

    @Test
    void aHugeNumberIsInvalidBeforeItIsParsed() {
        assertThat(invalid("pr_threshold = 50\nstarting_credit = " + "9".repeat(60_000) + "\n"))
                .containsExactly("line 2: a number of more than 64 characters");
    }

    @Test
    void bracketsAndDigitsInStringsAndCommentsAreText() {
        String text = "# " + "[".repeat(100) + "\n"
                + "trusted = [\"octocat\"] # " + "9".repeat(100) + "\n"
                + "mode = \"\"\"\nobserve" + "[".repeat(100) + "\"\"\"\n";

        assertThat(invalid(text)).singleElement().asString().contains("mode").doesNotContain("nested");
        assertThat(valid("pr_threshold = 30 # " + "9".repeat(100) + "\nmode = 'observe' # [[[[[[[[[[[[[[[[[[[[[[[[")
                .policy().prThreshold()).isEqualTo(30);
    }

    @Test
    void aKeyDefinedTwiceIsInvalid() {
        assertThat(invalid("pr_threshold = 50\npr_threshold = 60\n")).singleElement().asString().startsWith("line 2");
    }

    @Test
    void wrongTypesAreInvalidWithLineAndKey() {
        assertThat(invalid("pr_threshold = \"50\"")).containsExactly("line 1: pr_threshold must be an integer, not a string");
        assertThat(invalid("\n[pr_opened]\nhigh = 15.0")).containsExactly("line 3: pr_opened.high must be an integer, not a float");
        assertThat(invalid("starting_credit = true")).containsExactly("line 1: starting_credit must be an integer, not a boolean");
        assertThat(invalid("pr_opened = 5")).containsExactly("line 1: pr_opened must be a table ([pr_opened]), not an integer");
        assertThat(invalid("mode = 1")).containsExactly("line 1: mode must be a string (\"observe\" or \"enforce\"), not an integer");
        assertThat(invalid("trusted = \"alice\"")).containsExactly(
                "line 1: trusted must be an array of logins and @organisations, not a string");
        assertThat(invalid("trusted = [1]")).containsExactly(
                "line 1: trusted entries must be strings (\"login\" or \"@organisation\"), not an integer");
    }

    @Test
    void outOfRangeValuesAreInvalid() {
        assertThat(invalid("starting_credit = -1")).containsExactly(
                "line 1: starting_credit = -1 is out of range: it must be between 0 and 1000000");
        assertThat(invalid("pr_threshold = 99999999999")).containsExactly(
                "line 1: pr_threshold = 99999999999 is out of range: it must be between 0 and 1000000");
        assertThat(invalid("[pr_merged]\nbonus = -5")).containsExactly(
                "line 2: pr_merged.bonus = -5 is out of range: it must be between 0 and 1000000");
        assertThat(invalid("[review_submitted]\nbonus = 2000000")).containsExactly(
                "line 2: review_submitted.bonus = 2000000 is out of range: it must be between 0 and 1000000");
    }

    @Test
    void theBlacklistThresholdMustBeBelowThePrThreshold() {
        assertThat(invalid("pr_threshold = 0")).containsExactly(
                "blacklist_threshold = 0 (server default) must be below pr_threshold = 0 (line 1)");
        assertThat(invalid("blacklist_threshold = 60")).containsExactly(
                "blacklist_threshold = 60 (line 1) must be below pr_threshold = 50 (server default)");
        assertThat(valid("blacklist_threshold = -1\npr_threshold = 0").policy().blacklistThreshold()).isEqualTo(-1);
    }

    @Test
    void scoresMustNotFallFromSpamToHigh() {
        assertThat(invalid("[pr_opened]\nlow = 8")).containsExactly("pr_opened: scores must not fall from spam to high "
                + "(spam <= low <= acceptable <= high), but pr_opened.low = 8 (line 2) is above "
                + "pr_opened.acceptable = 5 (server default)");
        assertThat(invalid("[comment]\nspam = 1\nlow = 0")).singleElement().asString()
                .contains("comment.spam = 1 (line 2) is above comment.low = 0 (line 3)");
        assertThat(valid("[comment]\nspam = 0\nlow = 0\nacceptable = 0\nhigh = 0").policy().comment())
                .isEqualTo(new ScoreRow(0, 0, 0, 0));
    }

    @Test
    void unknownModeIsInvalid() {
        assertThat(invalid("mode = \"Observe\"")).containsExactly(
                "line 1: mode = \"Observe\" is not known: use \"observe\" or \"enforce\"");
        assertThat(invalid("mode = \"dry-run\"")).hasSize(1);
    }

    @Test
    void trustedEntriesMustLookLikeLoginsOrOrganisations() {
        List<String> errors = invalid("""
                trusted = [
                  "alice",
                  "two words",
                  "@",
                  "-leading",
                  "@acme/team",
                  "dependabot[bot]",
                  "a-very-long-login-name-that-github-would-never-allow",
                ]
                """);

        assertThat(errors).containsExactly(
                "line 1: trusted entry \"two words\" is neither a GitHub login nor an @organisation",
                "line 1: trusted entry \"@\" is neither a GitHub login nor an @organisation",
                "line 1: trusted entry \"-leading\" is neither a GitHub login nor an @organisation",
                "line 1: trusted entry \"@acme/team\" is neither a GitHub login nor an @organisation",
                "line 1: trusted entry \"dependabot[bot]\" is neither a GitHub login nor an @organisation",
                "line 1: trusted entry \"a-very-long-login-name-that-github-would-never-allow\" is neither a GitHub "
                        + "login nor an @organisation");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> errors = invalid("""
                starting_credit = -5
                pr_threshold = "high"
                mode = "loud"
                """);

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("line 1: starting_credit");
        assertThat(errors.get(1)).startsWith("line 2: pr_threshold");
        assertThat(errors.get(2)).startsWith("line 3: mode");
    }

    @Test
    void theMessageForMaintainersNamesTheFile() {
        ParseOutcome outcome = ConfigFileParser.parse("pr_threshold = \"x\"\nmode = 2", SERVER);

        assertThat(((ParseOutcome.Invalid) outcome).message()).isEqualTo(".meritocrab.toml is invalid:\n"
                + "line 1: pr_threshold must be an integer, not a string\n"
                + "line 2: mode must be a string (\"observe\" or \"enforce\"), not an integer");
    }

    @Test
    void anOversizedFileIsRefusedUnread() {
        assertThat(invalid("#".repeat(ConfigFileParser.MAX_CHARS + 1))).singleElement().asString()
                .contains("at most 65536");
    }

    @Test
    void serverDefaultsThatContradictEachOtherAreNotTheFilesFault() {
        ScoringPolicy odd = new ScoringPolicy(100, 0, 0, 0.85, new ScoreRow(5, -5, 5, 15), new ScoreRow(-10, -2, 1, 3),
                new ScoreRow(0, 0, 20, 20), new ScoreRow(0, 0, 5, 5));

        assertThat(valid("mode = \"observe\"", odd).policy()).isEqualTo(odd);
        assertThat(RepositoryConfig.defaults(odd).policy()).isEqualTo(odd);
        assertThat(ConfigFileParser.parse("[pr_opened]\nhigh = 20", odd)).isInstanceOf(ParseOutcome.Invalid.class);
        assertThat(ConfigFileParser.parse("pr_threshold = 0", odd)).isInstanceOf(ParseOutcome.Invalid.class);
    }

    @Test
    void defaultsHaveNoWarnings() {
        RepositoryConfig defaults = RepositoryConfig.defaults(SERVER);

        assertThat(defaults.policy()).isEqualTo(SERVER);
        assertThat(defaults.warnings()).isEmpty();
        assertThat(defaults.trusted().isEmpty()).isTrue();
    }

    private static RepositoryConfig valid(String text) {
        return valid(text, SERVER);
    }

    private static RepositoryConfig valid(String text, ScoringPolicy server) {
        ParseOutcome outcome = ConfigFileParser.parse(text, server);
        assertThat(outcome).isInstanceOf(ParseOutcome.Valid.class);
        return ((ParseOutcome.Valid) outcome).config();
    }

    private static List<String> invalid(String text) {
        ParseOutcome outcome = ConfigFileParser.parse(text, SERVER);
        assertThat(outcome).isInstanceOf(ParseOutcome.Invalid.class);
        return ((ParseOutcome.Invalid) outcome).errors();
    }
}
