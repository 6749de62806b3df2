package io.meritocrab.duplicates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A hash of what a pull request changes, the same for the same change however it was made: each file's
 * added and removed lines with all whitespace taken out, as a sorted multiset, files sorted by path.
 * Hunk headers and line numbers (they move with the base), context lines, `index` lines and blank
 * lines do not count, nor does the order of lines, hunks or files.
 */
public final class DiffFingerprint {

    private static final String FILE_START = "diff --git ";

    private DiffFingerprint() {
    }

    /** The fingerprint of a unified diff as GitHub gives it; empty when it names no file. */
    public static Optional<String> of(String diff) {
        Map<String, List<String>> files = changedLines(diff);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder();
        files.forEach((path, lines) -> {
            canonical.append("F ").append(path).append('\n');
            lines.stream().sorted().forEach(line -> canonical.append(line).append('\n'));
        });
        return Optional.of(sha256(canonical.toString()));
    }

    private static Map<String, List<String>> changedLines(String diff) {
        Map<String, List<String>> files = new TreeMap<>();
        String path = null;
        String oldPath = null;
        List<String> lines = new ArrayList<>();
        boolean inHunk = false;
        for (String line : diff.split("\r?\n", -1)) {
            if (line.startsWith(FILE_START)) {
                add(files, path, lines);
                // A rename or mode change has no ---/+++ lines: the header's path names the file.
                path = headerPath(line.substring(FILE_START.length()));
                oldPath = null;
                lines = new ArrayList<>();
                inHunk = false;
            } else if (path == null) {
                continue;
            } else if (line.startsWith("@@")) {
                inHunk = true;
            } else if (!inHunk && line.startsWith("--- ")) {
                oldPath = path(line.substring(4));
            } else if (!inHunk && line.startsWith("+++ ")) {
                String newPath = path(line.substring(4));
                path = newPath != null ? newPath : oldPath != null ? oldPath : path;
            } else if (!inHunk && line.startsWith("Binary files ")) {
                lines.add("binary");
            } else if (inHunk && (line.startsWith("+") || line.startsWith("-"))) {
                String content = withoutWhitespace(line.substring(1));
                if (!content.isEmpty()) {
                    lines.add(line.charAt(0) + content);
                }
            }
        }
        add(files, path, lines);
        return files;
    }

    private static void add(Map<String, List<String>> files, String path, List<String> lines) {
        if (path != null) {
            files.computeIfAbsent(path, p -> new ArrayList<>()).addAll(lines);
        }
    }

    /** "b/src/A.java" → "src/A.java"; null for /dev/null (a file added or deleted). */
    private static String path(String name) {
        String stripped = name.strip();
        int tab = stripped.indexOf('\t');
        if (tab >= 0) {
            stripped = stripped.substring(0, tab);
        }
        if (stripped.equals("/dev/null")) {
            return null;
        }
        return stripped.startsWith("a/") || stripped.startsWith("b/") ? stripped.substring(2) : stripped;
    }

    /** The new path of "a/x b/y" in a `diff --git` line. */
    private static String headerPath(String header) {
        int newPath = header.lastIndexOf(" b/");
        return newPath >= 0 ? header.substring(newPath + 3) : header.strip();
    }

    private static String withoutWhitespace(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
