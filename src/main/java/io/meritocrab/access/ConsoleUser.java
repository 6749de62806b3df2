package io.meritocrab.access;

import java.io.Serializable;

/**
 * Who is using the console or the API: a GitHub login, limited to the repositories they maintain, or
 * an operator (the admin token, or the local login of the embedded default) who may see everything.
 * A GitHub sign-in also carries the account's user id: the contributor's own page finds their ledgers
 * by it, never by the login (logins change hands).
 */
public record ConsoleUser(String login, boolean operator, Long gitHubUserId) implements Serializable {

    /** The actor named in ledger entries made with the admin bearer token. */
    public static final ConsoleUser ADMIN_TOKEN = new ConsoleUser("admin-token", true, null);
    /** The actor of the embedded default's local login. */
    public static final ConsoleUser LOCAL_ADMIN = new ConsoleUser("local-admin", true, null);

    public static ConsoleUser maintainer(String login) {
        return new ConsoleUser(login, false, null);
    }

    /** Whoever signed in with GitHub: a maintainer where GitHub says so, a contributor everywhere. */
    public static ConsoleUser gitHubAccount(String login, long userId) {
        return new ConsoleUser(login, false, userId);
    }
}
