package io.meritocrab.repoconfig;

/** Where a value of a repository's effective configuration comes from. */
public enum ConfigSource {
    SERVER_DEFAULT, FILE
}
