package io.meritocrab.repoconfig;

import io.meritocrab.scoring.SanctionSteps;
import io.meritocrab.scoring.ScoreRow;
import io.meritocrab.scoring.ScoringPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * Reads a repository's `.meritocrab.toml` (the original meritocrab's format plus `mode`, `trusted` and
 * `[gate] unlock`, `[sanctions] steps`, `[history]`, `[shared] trust, deny` and `[duplicates]`;
 * `[pr_merged]` and `[review_submitted]` take the original's four classes or `bonus`, one value for all)
 * and merges it with the server defaults: a missing key takes the default. The file is invalid when it
 * is not TOML, a value has the wrong type or is out of range, or values contradict each other; every
 * problem is reported with its line. Text that would make the parser itself work too hard (deep
 * nesting, huge numbers) is refused before it is parsed ({@link TomlLimits}). Unknown keys do not make the file invalid (a newer or older
 * format, or a typo): they are reported as warnings and ignored.
 */
public final class ConfigFileParser {

    public static final String FILE_NAME = ".meritocrab.toml";
    /** Larger files are refused unread: the real one is a few hundred bytes. */
    public static final int MAX_CHARS = 64 * 1024;
    static final int LIMIT = 1_000_000;
    private static final int MAX_REPORTED = 20;

    static final String STARTING_CREDIT = "starting_credit";
    static final String PR_THRESHOLD = "pr_threshold";
    static final String BLACKLIST_THRESHOLD = "blacklist_threshold";
    static final String PR_OPENED = "pr_opened";
    static final String COMMENT = "comment";
    static final String PR_MERGED = "pr_merged";
    static final String REVIEW_SUBMITTED = "review_submitted";
    static final String MODE = "mode";
    static final String TRUSTED = "trusted";
    static final List<String> ROW_KEYS = List.of("spam", "low", "acceptable", "high");
    static final String BONUS = "bonus";
    static final String GATE = "gate";
    static final String UNLOCK = "unlock";
    static final String SANCTIONS = "sanctions";
    static final String STEPS = "steps";
    static final String HISTORY = "history";
    static final String ENABLED = "enabled";
    static final String MAX_BONUS = "max_bonus";
    static final String MAX_PENALTY = "max_penalty";
    static final String SHARED = "shared";
    static final String SHARED_TRUST = "trust";
    static final String SHARED_DENY = "deny";
    static final String DUPLICATES = "duplicates";
    static final String WINDOW_DAYS = "window_days";

    private static final Map<String, Set<String>> TABLES = Map.of(
            PR_OPENED, Set.copyOf(ROW_KEYS), COMMENT, Set.copyOf(ROW_KEYS),
            PR_MERGED, withBonus(), REVIEW_SUBMITTED, withBonus(), GATE, Set.of(UNLOCK), SANCTIONS, Set.of(STEPS),
            HISTORY, Set.of(ENABLED, MAX_BONUS, MAX_PENALTY), SHARED, Set.of(SHARED_TRUST, SHARED_DENY),
            DUPLICATES, Set.of(ENABLED, WINDOW_DAYS));
    private static final Set<String> TOP_LEVEL = Set.of(STARTING_CREDIT, PR_THRESHOLD, BLACKLIST_THRESHOLD,
            PR_OPENED, COMMENT, PR_MERGED, REVIEW_SUBMITTED, MODE, TRUSTED, GATE, SANCTIONS, HISTORY, SHARED,
            DUPLICATES);

    private ConfigFileParser() {
    }

    public static ParseOutcome parse(String text, ScoringPolicy serverDefaults) {
        if (text.length() > MAX_CHARS) {
            return new ParseOutcome.Invalid(List.of("the file has " + text.length() + " characters; at most "
                    + MAX_CHARS + " are read"));
        }
        Optional<String> tooComplex = TomlLimits.problem(text);
        if (tooComplex.isPresent()) {
            return new ParseOutcome.Invalid(List.of(tooComplex.get()));
        }
        // Some editors put a byte order mark first; TOML does not allow one.
        TomlParseResult toml = Toml.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (toml.hasErrors()) {
            return new ParseOutcome.Invalid(toml.errors().stream().limit(MAX_REPORTED)
                    .map(ConfigFileParser::syntaxError).toList());
        }
        FileValues file = new FileValues(toml);
        int startingCredit = file.integer(STARTING_CREDIT, serverDefaults.startingCredit(), 0, LIMIT);
        int prThreshold = file.integer(PR_THRESHOLD, serverDefaults.prThreshold(), 0, LIMIT);
        int blacklistThreshold = file.integer(BLACKLIST_THRESHOLD, serverDefaults.blacklistThreshold(), -LIMIT, LIMIT);
        // Contradicting server defaults are the operator's business, not the file's.
        boolean thresholdsFromFile = toml.contains(BLACKLIST_THRESHOLD) || toml.contains(PR_THRESHOLD);
        if (thresholdsFromFile && blacklistThreshold >= prThreshold) {
            file.error(BLACKLIST_THRESHOLD + " = " + blacklistThreshold + file.where(BLACKLIST_THRESHOLD)
                    + " must be below " + PR_THRESHOLD + " = " + prThreshold + file.where(PR_THRESHOLD));
        }
        ScoreRow prOpened = file.row(PR_OPENED, serverDefaults.pullRequestOpened());
        ScoreRow comment = file.row(COMMENT, serverDefaults.comment());
        ScoreRow merged = file.bonusRow(PR_MERGED, serverDefaults.pullRequestMerged());
        ScoreRow review = file.bonusRow(REVIEW_SUBMITTED, serverDefaults.reviewSubmitted());
        GateMode mode = file.mode(GateMode.ENFORCE);
        TrustedList trusted = file.trusted();
        UnlockRules unlock = file.unlock();
        SanctionSteps sanctions = file.sanctions(serverDefaults.sanctions());
        HistoryRules history = history(file);
        SharedOptIn shared = file.shared();
        DuplicateRules duplicates = file.duplicates();
        file.warnAboutUnknownKeys(TOP_LEVEL, TABLES);
        if (!file.errors().isEmpty()) {
            return new ParseOutcome.Invalid(file.errors().stream().limit(MAX_REPORTED).toList());
        }
        ScoringPolicy policy = new ScoringPolicy(startingCredit, prThreshold, blacklistThreshold,
                serverDefaults.confidenceThreshold(), prOpened, comment, merged, review, sanctions);
        return new ParseOutcome.Valid(new RepositoryConfig(policy, mode, trusted, unlock, history, shared,
                duplicates, file.settings(), file.warnings()));
    }

    private static HistoryRules history(FileValues file) {
        HistoryRules off = HistoryRules.off();
        boolean enabled = file.flag(HISTORY + "." + ENABLED, off.enabled());
        int maxBonus = file.integer(HISTORY + "." + MAX_BONUS, off.maxBonus(), 0, HistoryRules.MAX_BOUND);
        int maxPenalty = file.integer(HISTORY + "." + MAX_PENALTY, off.maxPenalty(), 0, HistoryRules.MAX_BOUND);
        return new HistoryRules(enabled, maxBonus, maxPenalty);
    }

    private static Set<String> withBonus() {
        Set<String> keys = new HashSet<>(ROW_KEYS);
        keys.add(BONUS);
        return Set.copyOf(keys);
    }

    static RepositoryConfig defaults(ScoringPolicy serverDefaults) {
        return ((ParseOutcome.Valid) parse("", serverDefaults)).config();
    }

    private static String syntaxError(TomlParseError error) {
        TomlPosition position = error.position();
        String message = error.getMessage();
        // tomlj puts the position at the end of its message as well; it is given once, in front.
        int suffix = message.lastIndexOf(" (line ");
        if (suffix > 0) {
            message = message.substring(0, suffix);
        }
        return position == null ? message : "line " + position.line() + ", column " + position.column() + ": " + message;
    }
}
