package io.meritocrab.unlock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issues a pull request's description says it closes, with GitHub's closing keywords (close, fix and
 * resolve in any tense, then `#N`, `owner/repo#N` for the same repository, or the issue's URL). Issues
 * of other repositories are left out: they cannot unlock this repository's gate.
 */
public final class ClosingIssues {

    /** More references than this are not read: a description listing many issues is not issue work. */
    static final int MAX_ISSUES = 5;

    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)(?<![\\w/])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \\t]+"
                    + "(?:(?:https?://github\\.com/)?([\\w.-]+/[\\w.-]+)(?:#|/issues/))?#?([0-9]{1,9})\\b");

    private ClosingIssues() {
    }

    public static List<Integer> in(String body, String repositoryFullName) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        Set<Integer> issues = new LinkedHashSet<>();
        Matcher reference = REFERENCE.matcher(body);
        while (reference.find() && issues.size() < MAX_ISSUES) {
            String repository = reference.group(1);
            boolean bare = repository == null && body.charAt(reference.start(2) - 1) == '#';
            boolean here = repository != null
                    && repository.toLowerCase(Locale.ROOT).equals(repositoryFullName.toLowerCase(Locale.ROOT));
            if (bare || here) {
                issues.add(Integer.parseInt(reference.group(2)));
            }
        }
        return List.copyOf(issues);
    }
}
