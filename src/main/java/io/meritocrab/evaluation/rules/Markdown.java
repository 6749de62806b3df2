package io.meritocrab.evaluation.rules;

import java.util.Locale;

/**
 * Just enough understanding of GitHub-flavoured Markdown for the rules: telling prose from fenced code
 * and from the unfilled skeleton of a pull-request template. Works line by line, without regular
 * expressions, so its cost is linear in the length of the text.
 */
final class Markdown {

    private static final String COMMENT_OPEN = "<!--";
    private static final String COMMENT_CLOSE = "-->";
    private static final String FENCE = "```";
    private static final int MAX_LABEL_WORDS = 4;

    private Markdown() {
    }

    /** The text with HTML comments removed; an unclosed comment runs to the end of the text. */
    static String withoutHtmlComments(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf(COMMENT_OPEN, from);
            if (open < 0) {
                kept.append(text, from, text.length());
                break;
            }
            kept.append(text, from, open);
            int close = text.indexOf(COMMENT_CLOSE, open + COMMENT_OPEN.length());
            from = close < 0 ? text.length() : close + COMMENT_CLOSE.length();
        }
        return kept.toString();
    }

    /** The text without its fenced code blocks (an unclosed fence hides the rest of the text). */
    static String withoutFencedCode(String text) {
        StringBuilder prose = new StringBuilder(text.length());
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (isFence(line)) {
                inCode = !inCode;
            } else if (!inCode) {
                prose.append(line).append('\n');
            }
        }
        return prose.toString();
    }

    /** True when the text holds at least one fenced code block that is opened and closed. */
    static boolean hasFencedCode(String text) {
        int fences = 0;
        for (String line : text.split("\n", -1)) {
            if (isFence(line) && ++fences == 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a non-blank text has nothing but what a pull-request template leaves behind: HTML
     * comments, headings, unchecked checkboxes, empty bullets, rules, "Label:" lines and "Fixes #"
     * placeholders without a number.
     */
    static boolean isTemplateOnly(String text) {
        if (text.isBlank()) {
            return false;
        }
        for (String line : withoutHtmlComments(text).split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !isTemplateLine(trimmed)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFence(String line) {
        return line.stripLeading().startsWith(FENCE);
    }

    private static boolean isTemplateLine(String line) {
        return isHeading(line) || isUncheckedCheckbox(line) || isEmptyBullet(line) || isRule(line)
                || isLabel(line) || isIssuePlaceholder(line);
    }

    private static boolean isHeading(String line) {
        return line.startsWith("#") && (line.length() == 1 || line.charAt(1) == '#' || line.charAt(1) == ' ');
    }

    private static boolean isUncheckedCheckbox(String line) {
        String item = line.length() > 1 && "-*+".indexOf(line.charAt(0)) >= 0 ? line.substring(1).strip() : line;
        return item.startsWith("[ ]");
    }

    private static boolean isEmptyBullet(String line) {
        return line.equals("-") || line.equals("*") || line.equals("+") || line.equals("1.");
    }

    private static boolean isRule(String line) {
        return line.length() >= 3 && line.chars().allMatch(c -> c == '-' || c == '*' || c == '_' || c == '=');
    }

    /** "Description:", "**Related issue**" and the like: a short label with nothing after it. */
    private static boolean isLabel(String line) {
        boolean bold = line.length() > 4 && (line.startsWith("**") && line.endsWith("**")
                || line.startsWith("__") && line.endsWith("__"));
        boolean colon = line.endsWith(":") || line.endsWith(":**") || line.endsWith(":__");
        return (bold || colon) && line.split("\\s+").length <= MAX_LABEL_WORDS;
    }

    private static boolean isIssuePlaceholder(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        boolean keyword = lower.startsWith("fixes") || lower.startsWith("closes") || lower.startsWith("resolves")
                || lower.startsWith("related issue");
        return keyword && line.indexOf('#') >= 0 && line.chars().noneMatch(Character::isDigit);
    }
}
