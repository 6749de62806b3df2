package io.meritocrab.repoconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Git's blob id of a file's text (what `git hash-object` prints and GitHub shows as the file's sha), so
 * maintainers can tell which version of `.meritocrab.toml` is in force.
 */
final class BlobSha {

    private BlobSha() {
    }

    static String of(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
