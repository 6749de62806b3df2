package io.meritocrab.evaluation.rules;

import java.util.List;

/**
 * Measurements of one piece of untrusted text that the rules weigh: how many words and sentences,
 * links, code, stack traces, issue references, shouting and known phrases it has. Only the first
 * {@link #MAX_SCANNED_CHARS} characters are looked at, and every scan is linear, so a 25 MB body costs
 * no more than a 64 KB one.
 */
final class TextSignals {

    static final int MAX_SCANNED_CHARS = 64 * 1024;

    private static final int MIN_CASED_LETTERS_FOR_SHOUTING = 20;
    private static final double SHOUTING_UPPERCASE_SHARE = 0.8;
    private static final int MIN_STACK_FRAMES = 2;

    private final boolean blank;
    private final int words;
    private final int sentences;
    private final Links.Count links;
    private final boolean fencedCode;
    private final boolean inlineCode;
    private final boolean stackTrace;
    private final boolean issueReference;
    private final boolean shouting;
    private final boolean templateOnly;
    private final String normalized;

    private TextSignals(String text) {
        String prose = Markdown.withoutFencedCode(Markdown.withoutHtmlComments(text));
        blank = text.isBlank();
        words = countWords(text);
        sentences = countSentences(prose);
        links = Links.count(text);
        fencedCode = Markdown.hasFencedCode(text);
        inlineCode = prose.indexOf('`') != prose.lastIndexOf('`');
        stackTrace = hasStackTrace(text);
        issueReference = Links.referencesIssue(text);
        shouting = isShouting(prose);
        templateOnly = Markdown.isTemplateOnly(text);
        normalized = Phrases.normalize(text);
    }

    /** Measures the first {@link #MAX_SCANNED_CHARS} characters of the text; null counts as empty. */
    static TextSignals of(String text) {
        return new TextSignals(capped(text));
    }

    /** The text cut to {@link #MAX_SCANNED_CHARS} characters, never in the middle of a surrogate pair. */
    static String capped(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_SCANNED_CHARS) {
            return text;
        }
        boolean splitsPair = Character.isHighSurrogate(text.charAt(MAX_SCANNED_CHARS - 1));
        return text.substring(0, splitsPair ? MAX_SCANNED_CHARS - 1 : MAX_SCANNED_CHARS);
    }

    boolean blank() {
        return blank;
    }

    /** Whitespace-separated tokens with at least one letter or digit; a URL is one word. */
    int words() {
        return words;
    }

    /**
     * Sentence-ending punctuation outside code, followed by a space or the end of the text; a colon
     * counts at the end of a line, where it usually introduces code or a list.
     */
    int sentences() {
        return sentences;
    }

    Links.Count links() {
        return links;
    }

    boolean hasFencedCode() {
        return fencedCode;
    }

    boolean hasInlineCode() {
        return inlineCode;
    }

    boolean hasStackTrace() {
        return stackTrace;
    }

    /** "#123", "Fixes #12" or a link to a GitHub issue or pull request. */
    boolean referencesIssue() {
        return issueReference;
    }

    /** Mostly capital letters, outside code blocks. */
    boolean isShouting() {
        return shouting;
    }

    /** Not blank, but only the skeleton of a pull-request template. */
    boolean isTemplateOnly() {
        return templateOnly;
    }

    /** Not blank, yet without a single letter or digit: emoji, punctuation, invisible characters. */
    boolean hasNoWords() {
        return !blank && normalized.isBlank();
    }

    /** A few words that say nothing beyond "+1", "thanks", "same here", "any update?" or "bump". */
    boolean isOnlyFiller() {
        return Phrases.onlyFiller(normalized);
    }

    List<String> phrasesFound(List<String> phrases) {
        return Phrases.found(normalized, phrases);
    }

    private static int countWords(String text) {
        int count = 0;
        boolean inToken = false;
        boolean tokenHasWordCharacter = false;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            if (Character.isWhitespace(codePoint)) {
                count += inToken && tokenHasWordCharacter ? 1 : 0;
                inToken = false;
                tokenHasWordCharacter = false;
            } else {
                inToken = true;
                tokenHasWordCharacter |= Character.isLetterOrDigit(codePoint);
            }
        }
        return count + (inToken && tokenHasWordCharacter ? 1 : 0);
    }

    private static int countSentences(String prose) {
        int count = 0;
        for (int i = 1; i < prose.length(); i++) {
            char c = prose.charAt(i);
            char next = i + 1 == prose.length() ? '\n' : prose.charAt(i + 1);
            boolean ends = (c == '.' || c == '!' || c == '?') && Character.isWhitespace(next)
                    || c == ':' && next == '\n';
            char before = prose.charAt(i - 1);
            if (ends && (Character.isLetterOrDigit(before) || ")`\"'".indexOf(before) >= 0)) {
                count++;
            }
        }
        return count;
    }

    /** Java/JavaScript "at ...(...)" frames, Python "File ..., line" frames, or a trace header. */
    private static boolean hasStackTrace(String text) {
        if (text.contains("Traceback (most recent call last)") || text.contains("' panicked at")) {
            return true;
        }
        int frames = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            boolean javaFrame = trimmed.startsWith("at ") && trimmed.indexOf('(') > 0 && trimmed.endsWith(")");
            boolean pythonFrame = trimmed.startsWith("File \"") && trimmed.contains("\", line ");
            if ((javaFrame || pythonFrame) && ++frames >= MIN_STACK_FRAMES) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShouting(String prose) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < prose.length(); i++) {
            char c = prose.charAt(i);
            upper += Character.isUpperCase(c) ? 1 : 0;
            lower += Character.isLowerCase(c) ? 1 : 0;
        }
        int cased = upper + lower;
        return cased >= MIN_CASED_LETTERS_FOR_SHOUTING && upper >= SHOUTING_UPPERCASE_SHARE * cased;
    }
}
