package io.meritocrab.commands;

/** Whom a `/credit` command is about: `@login`, or `@12345` for a GitHub user id. */
public sealed interface CommandTarget {

    /** A login as written (GitHub logins are case-insensitive). */
    record Login(String login) implements CommandTarget {
        @Override
        public String toString() {
            return "@" + login;
        }
    }

    /**
     * A GitHub user id. An all-digit `@12345` is always read as an id: ids never change, logins do, and
     * a login made only of digits is rare.
     */
    record UserId(long id) implements CommandTarget {
        @Override
        public String toString() {
            return "@" + id;
        }
    }
}
