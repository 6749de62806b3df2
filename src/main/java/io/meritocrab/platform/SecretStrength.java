package io.meritocrab.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses secrets an attacker could guess, outside the embedded default (which generates its own): a
 * known placeholder (the `change-me` of example files) anywhere, and a webhook secret or admin token
 * shorter than 32 characters. Problems name the environment variable, never the value.
 */
public final class SecretStrength {

    public static final int MIN_LENGTH = 32;
    public static final String WEBHOOK_SECRET = "MERITOCRAB_GITHUB_WEBHOOK_SECRET";
    public static final String ADMIN_TOKEN = "MERITOCRAB_ADMIN_TOKEN";
    public static final String DB_PASSWORD = "MERITOCRAB_DB_PASSWORD";

    private static final Set<String> PLACEHOLDERS = Set.of("change-me", "changeme", "change_me", "changeit",
            "replace-me", "replaceme", "secret", "password", "passw0rd", "admin", "token", "todo", "xxx",
            "example", "test", "default", "placeholder");
    private static final List<String> PLACEHOLDER_PARTS = List.of("change-me", "changeme", "change_me",
            "replace-me", "replace_me", "placeholder", "paste ");

    private SecretStrength() {
    }

    /**
     * The problems of the given settings (environment variable name to value; unset ones empty). Length
     * is required of the webhook secret and the admin token; every setting is checked for placeholders.
     */
    public static List<String> problems(boolean embeddedDefault, Map<String, Optional<String>> secrets) {
        List<String> problems = new ArrayList<>();
        if (embeddedDefault) {
            return problems;
        }
        secrets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> setting.getValue()
                .filter(value -> !value.isBlank())
                .ifPresent(value -> problem(setting.getKey(), value).ifPresent(problems::add)));
        return problems;
    }

    private static Optional<String> problem(String name, String value) {
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(normalised) || PLACEHOLDER_PARTS.stream().anyMatch(normalised::contains)) {
            return Optional.of(name + " is a known placeholder; set a random value of at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
        if ((name.equals(WEBHOOK_SECRET) || name.equals(ADMIN_TOKEN)) && value.strip().length() < MIN_LENGTH) {
            return Optional.of(name + " is shorter than " + MIN_LENGTH + " characters; set a random value "
                    + "(e.g. openssl rand -hex 32)");
        }
        return Optional.empty();
    }
}
