package io.meritocrab.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;

/**
 * The original meritocrab's server-mode database as an uploaded SQLite file, opened read-only with the
 * driver class from the WAR (no data source, so it works the same on every server). What is not a
 * SQLite file, or is damaged or cut short, is refused before anything is read.
 */
final class SqliteDatabaseFile {

    private static final Logger LOG = Logger.getLogger(SqliteDatabaseFile.class.getName());
    private static final byte[] HEADER = "SQLite format 3\u0000".getBytes(StandardCharsets.US_ASCII);

    private SqliteDatabaseFile() {
    }

    static OriginalLedger read(InputStream upload, long maxBytes) {
        Path file = Uploads.file(upload, maxBytes);
        try {
            return readChecked(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete the uploaded database " + file, e);
            }
        }
    }

    /** A file kept from an upload: refused unless it is an intact SQLite database of the original. */
    static OriginalLedger readChecked(Path file) {
        requireHeader(file);
        return read(file);
    }

    private static OriginalLedger read(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties())) {
            requireIntact(connection);
            return OriginalDatabaseReader.read(connection);
        } catch (SQLException e) {
            throw ImportRefused.badInput("the SQLite file cannot be read (damaged or cut short?): " + e.getMessage());
        }
    }

    private static void requireHeader(Path file) {
        byte[] start = new byte[HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(start, 0, start.length);
            if (read < HEADER.length || !Arrays.equals(start, HEADER)) {
                throw ImportRefused.badInput("not a SQLite database (the file does not start with 'SQLite format 3')");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireIntact(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
            String result = check.next() ? check.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(result)) {
                throw ImportRefused.badInput("the SQLite file is damaged or cut short: " + result);
            }
        }
    }
}
