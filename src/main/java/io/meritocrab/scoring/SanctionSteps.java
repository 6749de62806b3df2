package io.meritocrab.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `[sanctions] steps`: what reaching the blacklist threshold does, offence after offence. Each step is a
 * duration (`"7d"`, `"12h"`, `"30m"`, `"10s"`) after which the blacklist ends by itself, or `"permanent"`;
 * an offence past the last step takes the last step again. The default, `["permanent"]`, is the
 * original's: the first offence blacklists for good.
 */
public record SanctionSteps(List<String> steps) {

    public static final String PERMANENT = "permanent";
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    public SanctionSteps {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("at least one sanction step");
        }
        for (String step : steps) {
            if (!PERMANENT.equals(step) && !DURATION.matcher(step).matches()) {
                throw new IllegalArgumentException("not a sanction step: " + step);
            }
        }
    }

    public static SanctionSteps permanent() {
        return new SanctionSteps(List.of(PERMANENT));
    }

    /** Whether {@code text} is a step as the file writes it. */
    public static boolean valid(String text) {
        return PERMANENT.equals(text) || DURATION.matcher(text).matches();
    }

    /** The step an offence takes, given how many steps the contributor has taken before (0 for the first). */
    public Step next(int taken) {
        int index = Math.min(taken, steps.size() - 1);
        return new Step(index + 1, steps.size(), duration(steps.get(index)));
    }

    /** One step: its number (from 1), how many steps there are, and its length (empty: permanent). */
    public record Step(int number, int of, Optional<Duration> length) {

        public boolean permanent() {
            return length.isEmpty();
        }

        @Override
        public String toString() {
            return "sanction step " + number + " of " + of + " (" + length.map(SanctionSteps::describe)
                    .orElse(PERMANENT) + ")";
        }
    }

    /** The steps as the file writes them, for maintainers. */
    public List<String> entries() {
        return new ArrayList<>(steps);
    }

    private static Optional<Duration> duration(String step) {
        Matcher matcher = DURATION.matcher(step);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    static String describe(Duration length) {
        long seconds = length.getSeconds();
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
