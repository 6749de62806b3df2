package io.meritocrab.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A hash of a contribution's text with case and whitespace normalised, so the same text posted to
 * several repositories is recognised without storing the text twice.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static String of(String title, String body) {
        // The separator survives normalisation, so ("a b", "c") and ("a", "b c") differ.
        String normalised = normalise(title) + '\u0000' + normalise(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).strip();
        StringBuilder collapsed = new StringBuilder(lower.length());
        boolean inWhitespace = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                inWhitespace = true;
            } else {
                if (inWhitespace) {
                    collapsed.append(' ');
                    inWhitespace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }
}
