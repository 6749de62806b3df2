package io.meritocrab.repoconfig;

import java.util.Optional;

/**
 * Limits the parser's work before it starts. `.meritocrab.toml` is written by anyone who can push to a
 * repository, and tomlj (1.1.1) has neither a nesting limit (a thousand nested `[` overflow its stack)
 * nor a number length limit (a 60,000-digit integer takes seconds to reject). One pass over the text,
 * skipping strings and comments as TOML defines them, refuses arrays and inline tables nested deeper
 * than {@link #MAX_DEPTH} and numbers (anything outside a string that starts with a digit or a sign)
 * longer than {@link #MAX_NUMBER_CHARS}. The real file nests one array and has numbers of a few digits.
 */
final class TomlLimits {

    static final int MAX_DEPTH = 16;
    static final int MAX_NUMBER_CHARS = 64;

    private TomlLimits() {
    }

    /** The first limit the text goes over, with its line; empty when the parser may have it. */
    static Optional<String> problem(String text) {
        int line = 1;
        int depth = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                boolean multiLine = text.startsWith(String.valueOf(c).repeat(3), i);
                int end = multiLine ? endOfMultiLine(text, i + 3, c) : endOfString(text, i + 1, c);
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = end;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return Optional.of("line " + line + ": arrays and tables are nested more than " + MAX_DEPTH
                            + " deep");
                }
                i++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (Character.isDigit(c) || c == '+' || c == '-') {
                int start = i;
                while (i < n && isNumberChar(text.charAt(i))) {
                    i++;
                }
                if (i - start > MAX_NUMBER_CHARS) {
                    return Optional.of("line " + line + ": a number of more than " + MAX_NUMBER_CHARS
                            + " characters");
                }
                i = Math.max(i, start + 1);
            } else if (Character.isLetter(c) || c == '_') {
                // A bare key or a word (true, inf): its digits are not a number.
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '-')) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    private static boolean isNumberChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '+' || c == '-' || c == '.' || c == ':';
    }

    /** The index after a one-line string's closing quote (or its line's end, where the parser will object). */
    private static int endOfString(String text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '\\' && quote == '"') {
                i += 2;
                continue;
            }
            i++;
            if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    /** The index after a multi-line string's closing triple quote (or the text's end). */
    private static int endOfMultiLine(String text, int from, char quote) {
        String close = String.valueOf(quote).repeat(3);
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\\' && quote == '"') {
                i += 2;
                continue;
            }
            if (text.startsWith(close, i)) {
                int end = i + 3;
                // Up to two more quotes belong to the string ("""a"""" is a string ending in a quote).
                while (end < text.length() && end < i + 5 && text.charAt(end) == quote) {
                    end++;
                }
                return end;
            }
            i++;
        }
        return text.length();
    }
}
