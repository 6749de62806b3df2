package io.meritocrab.repoconfig;

/**
 * One value of a repository's effective configuration, as maintainers see it: the key as written in
 * `.meritocrab.toml` (dotted for tables: `pr_opened.spam`), its value, and where it comes from.
 */
public record ConfigSetting(String key, String value, ConfigSource source) {
}
