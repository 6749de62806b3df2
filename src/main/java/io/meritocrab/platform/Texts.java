package io.meritocrab.platform;

/** Text cut to a column's width before it is written, so a long error or outcome never fails the write. */
public final class Texts {

    private Texts() {
    }

    /** The text's first {@code max} characters; null stays null. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
