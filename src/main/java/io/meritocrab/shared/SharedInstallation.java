package io.meritocrab.shared;

/** An installation whose shared lists the user may read, and whether they may change them. */
public record SharedInstallation(long id, String account, boolean owner) {
}
