package it.io.meritocrab.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Reads a server's log directory, to check what reached the logs (and what never may). */
public final class LogFiles {

    private LogFiles() {
    }

    /** messages.log and its rotated predecessors: each message once (console.log repeats them). */
    public static String readMessages(Path logs) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("messages")).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    /** Removes a stopped server's logs. */
    public static void delete(Path logs) throws IOException {
        if (Files.exists(logs)) {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Renames a stopped server's logs directory to logs-before-<time>, so the server starts a fresh one. */
    public static void moveAside(Path logs) throws IOException {
        if (Files.exists(logs)) {
            Files.move(logs, logs.resolveSibling("logs-before-" + System.currentTimeMillis()));
        }
    }

    public static String readAll(Path logs) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }
}
