package io.meritocrab.access;

import java.io.Serializable;

/**
 * Who is using the console or the API: a GitHub login, limited to the repositories they maintain, or
 * an operator (the admin token, or the local login of the embedded default) who may see everything.
 */
public record ConsoleUser(String login, boolean operator) implements Serializable {

    /** The actor named in ledger entries made with the admin bearer token. */
    public static final ConsoleUser ADMIN_TOKEN = new ConsoleUser("admin-token", true);
    /** The actor of the embedded default's local login. */
    public static final ConsoleUser LOCAL_ADMIN = new ConsoleUser("local-admin", true);

    public static ConsoleUser maintainer(String login) {
        return new ConsoleUser(login, false);
    }
}
