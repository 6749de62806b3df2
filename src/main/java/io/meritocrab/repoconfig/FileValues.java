package io.meritocrab.repoconfig;

import io.meritocrab.scoring.SanctionSteps;
import io.meritocrab.scoring.ScoreRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The values of one parsed `.meritocrab.toml`, read key by key with a server default for each missing
 * key; collects the problems (with their line), the warnings and where each value came from.
 */
final class FileValues {

    /** GitHub logins and organisation names: letters, digits and hyphens, not starting with a hyphen. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");

    /** GitHub's longest label name. */
    private static final int MAX_LABEL = 50;

    private final TomlParseResult toml;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ConfigSetting> settings = new ArrayList<>();
    private final Set<String> tablesReported = new HashSet<>();

    FileValues(TomlParseResult toml) {
        this.toml = toml;
    }

    List<String> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    List<ConfigSetting> settings() {
        return settings;
    }

    void error(String message) {
        errors.add(message);
    }

    /** An integer key (dotted for a table's key), within [min, max]; the default when it is missing. */
    int integer(String key, int fallback, int min, int max) {
        List<String> path = Toml.parseDottedKey(key);
        if (!present(path)) {
            settings.add(new ConfigSetting(key, String.valueOf(fallback), ConfigSource.SERVER_DEFAULT));
            return fallback;
        }
        Object value = toml.get(path);
        if (!(value instanceof Long number)) {
            error(at(path) + key + " must be an integer, not " + typeName(value));
            return fallback;
        }
        if (number < min || number > max) {
            error(at(path) + key + " = " + number + " is out of range: it must be between " + min + " and " + max);
            return fallback;
        }
        settings.add(new ConfigSetting(key, String.valueOf(number), ConfigSource.FILE));
        return number.intValue();
    }

    /** A boolean key (dotted for a table's key); the default when it is missing. */
    boolean flag(String key, boolean fallback) {
        List<String> path = Toml.parseDottedKey(key);
        if (!present(path)) {
            settings.add(new ConfigSetting(key, String.valueOf(fallback), ConfigSource.SERVER_DEFAULT));
            return fallback;
        }
        Object value = toml.get(path);
        if (!(value instanceof Boolean flag)) {
            error(at(path) + key + " must be true or false, not " + typeName(value));
            return fallback;
        }
        settings.add(new ConfigSetting(key, String.valueOf(flag), ConfigSource.FILE));
        return flag;
    }

    /** `[duplicates]`: `enabled` and `window_days`, off and 30 days by default. */
    DuplicateRules duplicates() {
        boolean enabled = flag(ConfigFileParser.DUPLICATES + "." + ConfigFileParser.ENABLED, false);
        int windowDays = integer(ConfigFileParser.DUPLICATES + "." + ConfigFileParser.WINDOW_DAYS,
                DuplicateRules.DEFAULT_WINDOW_DAYS, 1, DuplicateRules.MAX_WINDOW_DAYS);
        return new DuplicateRules(enabled, windowDays);
    }

    /** A scoring table ([pr_opened] or [comment]): four integers that never fall from spam to high. */
    ScoreRow row(String table, ScoreRow fallback) {
        int errorsBefore = errors.size();
        int[] defaults = {fallback.spam(), fallback.low(), fallback.acceptable(), fallback.high()};
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            values[i] = integer(table + "." + ConfigFileParser.ROW_KEYS.get(i), defaults[i],
                    -ConfigFileParser.LIMIT, ConfigFileParser.LIMIT);
        }
        boolean fromFile = toml.isTable(table)
                && ConfigFileParser.ROW_KEYS.stream().anyMatch(key -> toml.contains(List.of(table, key)));
        if (fromFile && errors.size() == errorsBefore) {
            for (int i = 0; i < 3; i++) {
                if (values[i] > values[i + 1]) {
                    String lower = table + "." + ConfigFileParser.ROW_KEYS.get(i);
                    String higher = table + "." + ConfigFileParser.ROW_KEYS.get(i + 1);
                    error(table + ": scores must not fall from spam to high (spam <= low <= acceptable <= high), but "
                            + lower + " = " + values[i] + where(lower) + " is above " + higher + " = " + values[i + 1]
                            + where(higher));
                    break;
                }
            }
        }
        return new ScoreRow(values[0], values[1], values[2], values[3]);
    }

    /**
     * [pr_merged] or [review_submitted]: the original's four classes (a row, as above), or `bonus`, the
     * shorthand for one value (at least 0) in every class; not both.
     */
    ScoreRow bonusRow(String table, ScoreRow fallback) {
        List<String> bonusPath = List.of(table, ConfigFileParser.BONUS);
        if (!toml.isTable(table) || !toml.contains(bonusPath)) {
            return row(table, fallback);
        }
        if (ConfigFileParser.ROW_KEYS.stream().anyMatch(key -> toml.contains(List.of(table, key)))) {
            error(at(bonusPath) + table + ": give either bonus or spam, low, acceptable and high, not both");
            return fallback;
        }
        int bonus = integer(table + "." + ConfigFileParser.BONUS, fallback.acceptable(), 0, ConfigFileParser.LIMIT);
        return new ScoreRow(bonus, bonus, bonus, bonus);
    }

    GateMode mode(GateMode fallback) {
        String key = ConfigFileParser.MODE;
        if (!toml.contains(key)) {
            settings.add(new ConfigSetting(key, fallback.fileValue(), ConfigSource.SERVER_DEFAULT));
            return fallback;
        }
        Object value = toml.get(key);
        if (!(value instanceof String text)) {
            error(at(List.of(key)) + "mode must be a string (\"observe\" or \"enforce\"), not " + typeName(value));
            return fallback;
        }
        for (GateMode mode : GateMode.values()) {
            if (mode.fileValue().equals(text)) {
                settings.add(new ConfigSetting(key, text, ConfigSource.FILE));
                return mode;
            }
        }
        error(at(List.of(key)) + "mode = \"" + text + "\" is not known: use \"observe\" or \"enforce\"");
        return fallback;
    }

    TrustedList trusted() {
        String key = ConfigFileParser.TRUSTED;
        if (!toml.contains(key)) {
            settings.add(new ConfigSetting(key, "[]", ConfigSource.SERVER_DEFAULT));
            return TrustedList.none();
        }
        if (!toml.isArray(key)) {
            error(at(List.of(key)) + "trusted must be an array of logins and @organisations, not "
                    + typeName(toml.get(key)));
            return TrustedList.none();
        }
        TomlArray array = toml.getArray(key);
        List<String> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // tomlj places the elements of a multi-line array imprecisely: the array's own line is given.
        String line = at(List.of(key));
        for (int i = 0; i < array.size(); i++) {
            Object value = array.get(i);
            if (!(value instanceof String entry)) {
                error(line + "trusted entries must be strings (\"login\" or \"@organisation\"), not " + typeName(value));
                continue;
            }
            String name = entry.startsWith("@") ? entry.substring(1) : entry;
            if (!NAME.matcher(name).matches()) {
                error(line + "trusted entry \"" + entry + "\" is neither a GitHub login nor an @organisation");
                continue;
            }
            if (!seen.add(entry.toLowerCase(Locale.ROOT))) {
                warnings.add(line + "trusted entry \"" + entry + "\" is listed twice");
                continue;
            }
            entries.add(entry);
        }
        settings.add(new ConfigSetting(key, entries.stream().map(e -> "\"" + e + "\"")
                .collect(Collectors.joining(", ", "[", "]")), ConfigSource.FILE));
        return TrustedList.of(entries);
    }

    /** `[shared] trust, deny`: both false when absent. */
    SharedOptIn shared() {
        return new SharedOptIn(flag(ConfigFileParser.SHARED + "." + ConfigFileParser.SHARED_TRUST, false),
                flag(ConfigFileParser.SHARED + "." + ConfigFileParser.SHARED_DENY, false));
    }

    /** `[gate] unlock`: `"assigned"` and `"label:NAME"` entries. */
    UnlockRules unlock() {
        String key = ConfigFileParser.GATE + "." + ConfigFileParser.UNLOCK;
        List<String> path = Toml.parseDottedKey(key);
        if (!present(path)) {
            settings.add(new ConfigSetting(key, "[]", ConfigSource.SERVER_DEFAULT));
            return UnlockRules.none();
        }
        if (!toml.isArray(path)) {
            error(at(path) + key + " must be an array of \"assigned\" and \"label:NAME\", not "
                    + typeName(toml.get(path)));
            return UnlockRules.none();
        }
        TomlArray array = toml.getArray(path);
        String line = at(path);
        boolean assigned = false;
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Object value = array.get(i);
            if (UnlockRules.ASSIGNED.equals(value)) {
                assigned = true;
            } else if (value instanceof String entry && entry.startsWith(UnlockRules.LABEL)
                    && !entry.substring(UnlockRules.LABEL.length()).isBlank()
                    && entry.length() <= UnlockRules.LABEL.length() + MAX_LABEL) {
                labels.add(entry.substring(UnlockRules.LABEL.length()).strip());
            } else {
                error(line + key + " entries are \"assigned\" or \"label:NAME\" (a label of at most " + MAX_LABEL
                        + " characters), not " + (value instanceof String text ? "\"" + text + "\"" : typeName(value)));
            }
        }
        UnlockRules rules = new UnlockRules(assigned, labels);
        settings.add(new ConfigSetting(key, rules.entries().stream().map(e -> "\"" + e + "\"")
                .collect(Collectors.joining(", ", "[", "]")), ConfigSource.FILE));
        return rules;
    }

    /** `[sanctions] steps`: durations (`"7d"`) and `"permanent"`; the fallback when missing. */
    SanctionSteps sanctions(SanctionSteps fallback) {
        String key = ConfigFileParser.SANCTIONS + "." + ConfigFileParser.STEPS;
        List<String> path = Toml.parseDottedKey(key);
        if (!present(path)) {
            settings.add(new ConfigSetting(key, quoted(fallback.entries()), ConfigSource.SERVER_DEFAULT));
            return fallback;
        }
        if (!toml.isArray(path) || toml.getArray(path).isEmpty()) {
            error(at(path) + key + " must be a non-empty array of steps like \"7d\" and \"permanent\", not "
                    + (toml.isArray(path) ? "an empty array" : typeName(toml.get(path))));
            return fallback;
        }
        TomlArray array = toml.getArray(path);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object value = array.get(i);
            if (value instanceof String step && SanctionSteps.valid(step)) {
                steps.add(step);
            } else {
                error(at(path) + key + " entries are a number of days, hours, minutes or seconds (\"7d\", \"12h\", "
                        + "\"30m\", \"10s\") or \"permanent\", not "
                        + (value instanceof String text ? "\"" + text + "\"" : typeName(value)));
            }
        }
        if (steps.size() != array.size()) {
            return fallback;
        }
        settings.add(new ConfigSetting(key, quoted(steps), ConfigSource.FILE));
        return new SanctionSteps(steps);
    }

    private static String quoted(List<String> entries) {
        return entries.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    void warnAboutUnknownKeys(Set<String> topLevel, Map<String, Set<String>> tables) {
        for (String key : toml.keySet()) {
            if (!topLevel.contains(key)) {
                warnings.add(at(List.of(key)) + "unknown key " + key + " is ignored");
            } else if (tables.containsKey(key) && toml.isTable(key)) {
                TomlTable table = toml.getTable(key);
                for (String inner : table.keySet()) {
                    if (!tables.get(key).contains(inner)) {
                        warnings.add(at(List.of(key, inner)) + "unknown key " + key + "." + inner + " is ignored");
                    }
                }
            }
        }
    }

    /** " (line N)" for a value from the file, " (server default)" otherwise; for messages about two keys. */
    String where(String key) {
        List<String> path = Toml.parseDottedKey(key);
        return toml.contains(path) ? " (line " + toml.inputPositionOf(path).line() + ")" : " (server default)";
    }

    /** Whether the file sets the key; a table key whose table is written as another type is an error. */
    private boolean present(List<String> path) {
        if (path.size() == 2 && toml.contains(path.get(0)) && !toml.isTable(path.get(0))) {
            if (tablesReported.add(path.get(0))) {
                error(at(path.subList(0, 1)) + path.get(0) + " must be a table ([" + path.get(0) + "]), not "
                        + typeName(toml.get(path.get(0))));
            }
            return false;
        }
        return toml.contains(path);
    }

    private String at(List<String> path) {
        TomlPosition position = toml.inputPositionOf(path);
        return position == null ? "" : "line " + position.line() + ": ";
    }

    private static String typeName(Object value) {
        if (value instanceof Long) {
            return "an integer";
        }
        if (value instanceof Double) {
            return "a float";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof TomlArray) {
            return "an array";
        }
        if (value instanceof TomlTable) {
            return "a table";
        }
        return "a date or time";
    }
}
