package io.meritocrab.importing;

import io.meritocrab.evaluation.Classification;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The original's columns as this server's values, whichever database kept them (SQLite's loose types,
 * PostgreSQL's strict ones); a value that does not fit is an {@link IllegalArgumentException} saying why,
 * which the reader reports as an unmapped row.
 */
final class OriginalColumns {

    private static final List<String> TABLES = List.of("contributors", "credit_events", "pending_evaluations");

    private OriginalColumns() {
    }

    static int integer(ResultSet rows, String column) throws SQLException {
        long value = number(rows, column);
        if (value != (int) value) {
            throw new IllegalArgumentException(column + " " + value + " is out of range");
        }
        return (int) value;
    }

    /** The original writes its classification's Rust name (Spam, LowQuality, Acceptable, HighQuality). */
    static Classification classification(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("quality", "");
        for (Classification c : Classification.values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown classification '" + text + "'");
    }

    static double confidence(double value) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException("confidence " + value + " is not within [0, 1]");
        }
        return value;
    }

    static void requireTables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> missing = TABLES.stream().filter(t -> {
            try {
                return !hasTable(meta, t);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        if (!missing.isEmpty()) {
            throw ImportRefused.badInput("not a meritocrab database: no table " + String.join(", ", missing));
        }
    }

    static boolean hasTable(DatabaseMetaData meta, String table) throws SQLException {
        try (ResultSet found = meta.getTables(null, null, table, new String[] {"TABLE"})) {
            return found.next();
        }
    }

    static long number(ResultSet rows, String column) throws SQLException {
        Object value = rows.getObject(column);
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a whole number");
        }
    }

    static String text(ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    static boolean flag(ResultSet rows, String column) throws SQLException {
        Object value = rows.getObject(column);
        if (value instanceof Boolean b) {
            return b;
        }
        return number(rows, column) != 0;
    }
}
