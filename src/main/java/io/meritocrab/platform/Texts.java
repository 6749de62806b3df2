package io.meritocrab.platform;

/** Text made fit for a column before it is written, so a long error or an odd payload value never fails the write. */
public final class Texts {

    private Texts() {
    }

    /** The text's first {@code max} characters; null stays null. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * The text as a column holds it: cut to {@code max} characters, and U+0000 (which PostgreSQL's text
     * cannot hold) replaced by U+FFFD, so the stored value never reads as another, valid one; null stays null.
     */
    public static String storable(String text, int max) {
        return text == null ? null : cut(text.replace('\u0000', '\uFFFD'), max);
    }
}
