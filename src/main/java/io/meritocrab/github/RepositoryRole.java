package io.meritocrab.github;

import java.util.Locale;

/** A user's role on a repository, as GitHub's collaborator permission API names it. */
public enum RepositoryRole {
    ADMIN, MAINTAIN, WRITE, TRIAGE, READ, NONE;

    /** Admin, maintain and write bypass the PR gate (SPEC §4). */
    public boolean bypassesGate() {
        return this == ADMIN || this == MAINTAIN || this == WRITE;
    }

    /** Admin and maintain may run `/credit` commands and use the console. */
    public boolean maintains() {
        return this == ADMIN || this == MAINTAIN;
    }

    public static RepositoryRole of(String roleName) {
        if (roleName == null) {
            return NONE;
        }
        try {
            return valueOf(roleName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException customRole) {
            // Organisation-defined custom roles inherit from one of the base roles; unknown means least.
            return READ;
        }
    }
}
