package io.meritocrab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * What was built and since when it runs: version, git commit and build time as Maven wrote them into
 * `META-INF/meritocrab-build.properties` (the commit only when the build was given `-Dgit.sha`), and the
 * JVM's start. Shown by `/api/status` and the health answer.
 */
public record BuildInfo(String version, String gitSha, String buildTime) {

    private static final String FILE = "/META-INF/meritocrab-build.properties";

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(value(properties, "version"), value(properties, "git-sha"),
                value(properties, "build-time"));
    }

    /** When the JVM started. */
    public static Instant startedAt() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    public static Duration uptime() {
        return Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** "unknown" for a value missing, or left unfiltered (a build outside Maven, e.g. an IDE's). */
    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
    }
}
