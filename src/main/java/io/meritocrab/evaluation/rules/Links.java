package io.meritocrab.evaluation.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Finds what a text links to: links that lead off GitHub, those hidden behind URL shorteners, and
 * references to issues. Links to GitHub itself are what contributions normally cite (issues, commits,
 * other pull requests), so they never count towards link spam. Scans with plain index searches, linear
 * in the length of the text.
 */
final class Links {

    /** How many web links lead off GitHub, and how many of those go through a URL shortener. */
    record Count(int external, int shortened) {
    }

    private static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "v.gd", "buff.ly", "cutt.ly",
            "rebrand.ly", "shorturl.at", "rb.gy", "t.ly", "tiny.cc", "s.id", "bl.ink", "short.io", "lnkd.in");

    private static final String SCHEME_SEPARATOR = "://";
    private static final String BARE_WEB_PREFIX = "www.";
    private static final int NOT_FOUND = Integer.MAX_VALUE;
    private static final String ISSUE_PATH = "/issues/";
    private static final String PULL_PATH = "/pull/";

    private Links() {
    }

    static Count count(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int external = 0;
        int shortened = 0;
        int from = 0;
        int separator = -1;
        int bare = -1;
        while (from < lower.length()) {
            separator = separator < from ? indexOrEnd(lower, SCHEME_SEPARATOR, from) : separator;
            bare = bare < from ? indexOrEnd(lower, BARE_WEB_PREFIX, from) : bare;
            if (separator == NOT_FOUND && bare == NOT_FOUND) {
                break;
            }
            boolean schemeFirst = separator < bare;
            int hostStart = schemeFirst ? separator + SCHEME_SEPARATOR.length() : bare;
            int hostEnd = endOfHost(lower, hostStart);
            from = Math.max(hostEnd, hostStart + 1);
            if (schemeFirst ? !isWebScheme(lower, separator) : !startsBareLink(lower, bare)) {
                continue;
            }
            String host = normalizedHost(lower.substring(hostStart, hostEnd));
            if (host.indexOf('.') <= 0 || isGitHub(host)) {
                continue;
            }
            external++;
            if (SHORTENERS.contains(host)) {
                shortened++;
            }
        }
        return new Count(external, shortened);
    }

    /** "#123", "Fixes #12", or a link to a GitHub issue or pull request. */
    static boolean referencesIssue(String text) {
        return hasIssueNumber(text) || isFollowedByDigit(text, ISSUE_PATH) || isFollowedByDigit(text, PULL_PATH);
    }

    /** A '#' followed by a digit, not inside a word or an HTML character reference. */
    private static boolean hasIssueNumber(String text) {
        for (int i = text.indexOf('#'); i >= 0 && i + 1 < text.length(); i = text.indexOf('#', i + 1)) {
            boolean digitAfter = Character.isDigit(text.charAt(i + 1));
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            if (digitAfter && !Character.isLetterOrDigit(before) && before != '&' && before != '#') {
                return true;
            }
        }
        return false;
    }

    private static boolean isFollowedByDigit(String text, String path) {
        for (int i = text.indexOf(path); i >= 0; i = text.indexOf(path, i + 1)) {
            int after = i + path.length();
            if (after < text.length() && Character.isDigit(text.charAt(after))) {
                return true;
            }
        }
        return false;
    }

    /** Where the needle next occurs, or {@link #NOT_FOUND}, which no later search position passes. */
    private static int indexOrEnd(String text, String needle, int from) {
        int index = text.indexOf(needle, from);
        return index < 0 ? NOT_FOUND : index;
    }

    private static boolean isWebScheme(String lower, int separator) {
        return lower.startsWith("http", separator - 4) || lower.startsWith("https", separator - 5);
    }

    /** A bare "www." starts a link unless it sits inside a word or a link already counted. */
    private static boolean startsBareLink(String lower, int bare) {
        if (bare == 0) {
            return true;
        }
        char before = lower.charAt(bare - 1);
        return !Character.isLetterOrDigit(before) && before != '/' && before != '.' && before != '@';
    }

    private static int endOfHost(String lower, int hostStart) {
        int end = hostStart;
        while (end < lower.length()) {
            char c = lower.charAt(end);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-') {
                break;
            }
            end++;
        }
        return end;
    }

    private static String normalizedHost(String host) {
        String trimmed = host;
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.startsWith(BARE_WEB_PREFIX) ? trimmed.substring(BARE_WEB_PREFIX.length()) : trimmed;
    }

    private static boolean isGitHub(String host) {
        return host.equals("github.com") || host.endsWith(".github.com")
                || host.equals("githubusercontent.com") || host.endsWith(".githubusercontent.com");
    }
}
