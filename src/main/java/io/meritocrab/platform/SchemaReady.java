package io.meritocrab.platform;

/** CDI event fired once the database schema is migrated; work that needs the schema starts on it. */
public record SchemaReady() {
}
