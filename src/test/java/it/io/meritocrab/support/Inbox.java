package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks into the server's database (PostgreSQL, or H2 in the embedded-database run), for what the API does not show yet. */
public final class Inbox {

    private Inbox() {
    }

    /** Waits until the server has processed a delivery, and returns its outcome. */
    public static String awaitProcessed(String deliveryId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"PENDING".equals(row("SELECT status FROM delivery WHERE delivery_id = ?", deliveryId)
                        .getOrDefault("status", "PENDING")));
        Map<String, Object> delivery = row("SELECT status, outcome, last_error FROM delivery WHERE delivery_id = ?",
                deliveryId);
        assertThat(delivery.get("status")).as("delivery %s: %s", deliveryId, delivery.get("last_error"))
                .isEqualTo("PROCESSED");
        return (String) delivery.get("outcome");
    }

    public static Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = ItEnvironment.database().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), value(result.getObject(column)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** H2 returns OffsetDateTime for time-zoned timestamps, PostgreSQL Timestamp: tests see Timestamp. */
    private static Object value(Object column) {
        return column instanceof OffsetDateTime time ? Timestamp.from(time.toInstant()) : column;
    }

    public static int execute(String sql, Object... parameters) {
        try (Connection connection = ItEnvironment.database().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters).values().iterator().next()).intValue();
    }
}
