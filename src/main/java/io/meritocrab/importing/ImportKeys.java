package io.meritocrab.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The stable keys that mark what was imported (V60: at most 300 characters, unique). */
final class ImportKeys {

    static final String DATABASE = "meritocrab-db";
    static final String ACTIONS = "meritocrab-actions";
    private static final int MAX = 300;

    private ImportKeys() {
    }

    /** The prefix of every key of one contributor of one repository in one kind of source. */
    static String contributor(String source, String repository, long userId) {
        return source + ":" + repository.toLowerCase(Locale.ROOT) + ":" + userId;
    }

    /** The key as it is, or (over the column's length) the source and a hash of it. */
    static String of(String key) {
        if (key.length() <= MAX) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, key.indexOf(':')) + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
