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
 * added and removed lines with all whitespace taken out, less the lines removed and added again, as a
 * sorted multiset, files sorted by path.
 * Hunk headers and line numbers (they move with the base), context lines, `index` lines and blank
 * lines do not count, nor does the order of lines, hunks or files.
 */
public final class DiffFingerprint {

    private static final String FILE_START = "diff --git ";

    private DiffFingerprint() {
    }

    /**
     * The fingerprint of a unified diff as GitHub gives it; empty when it changes no line and no binary
     * file (only whitespace, renames or modes): such changes all look alike and prove nothing.
     */
    public static Optional<String> of(String diff) {
        Map<String, List<String>> files = new TreeMap<>();
        changedLines(diff).forEach((path, lines) -> {
            List<String> net = withoutMoves(lines);
            if (!net.isEmpty()) {
                files.put(path, net);
            }
        });
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
        String newBlob = "";
        List<String> lines = new ArrayList<>();
        boolean inHunk = false;
        for (String line : diff.split("\r?\n", -1)) {
            if (line.startsWith(FILE_START)) {
                add(files, path, lines);
                // A rename or mode change has no ---/+++ lines: the header's path names the file.
                path = headerPath(line.substring(FILE_START.length()));
                oldPath = null;
                newBlob = "";
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
            } else if (!inHunk && line.startsWith("index ")) {
                newBlob = newBlob(line);
            } else if (!inHunk && line.startsWith("Binary files ")) {
                // The new content's blob id tells one binary change from another; the old one moves with the base.
                lines.add("binary " + newBlob);
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

    /**
     * A file's changed lines less each line removed and added again (re-indented, or moved within the file
     * once whitespace is gone): what is left is what the change really does.
     */
    private static List<String> withoutMoves(List<String> lines) {
        Map<String, Integer> balance = new TreeMap<>();
        List<String> other = new ArrayList<>();
        for (String line : lines) {
            char sign = line.charAt(0);
            if (sign == '+' || sign == '-') {
                balance.merge(line.substring(1), sign == '+' ? 1 : -1, Integer::sum);
            } else {
                other.add(line);
            }
        }
        List<String> net = new ArrayList<>(other);
        balance.forEach((content, count) -> {
            for (int i = 0; i < Math.abs(count); i++) {
                net.add((count > 0 ? '+' : '-') + content);
            }
        });
        return net;
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

    /** "index 1a2b3c4..5d6e7f8 100644" → "5d6e7f8". */
    private static String newBlob(String indexLine) {
        int range = indexLine.indexOf("..");
        if (range < 0) {
            return "";
        }
        String after = indexLine.substring(range + 2);
        int space = after.indexOf(' ');
        return space < 0 ? after.strip() : after.substring(0, space);
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
