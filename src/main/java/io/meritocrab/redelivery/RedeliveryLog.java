package io.meritocrab.redelivery;

import io.meritocrab.inbox.Deliveries;
import io.meritocrab.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which delivery ids the server already has (asked of {@link Deliveries}), and which it has already asked
 * GitHub to send again (the `redelivery_request` table, owned here).
 */
@ApplicationScoped
public class RedeliveryLog {

    @Inject
    Database dataSource;
    @Inject
    Deliveries deliveries;

    /** Of the given delivery ids (GitHub's guids), those received or already asked for again. */
    public Set<String> known(Collection<String> guids) {
        Set<String> known = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement asked = connection.prepareStatement("SELECT 1 FROM redelivery_request WHERE guid = ?")) {
            for (String guid : guids) {
                if (deliveries.received(guid) || exists(asked, guid)) {
                    known.add(guid);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read which deliveries were received", e);
        }
        return known;
    }

    /** Records a redelivery request; false when another server recorded it first. */
    public boolean record(String guid, long hookDeliveryId, String event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO redelivery_request "
                     + "(guid, hook_delivery_id, event, requested_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, guid);
            insert.setLong(2, hookDeliveryId);
            insert.setString(3, event);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the redelivery of " + guid, e);
        }
    }

    public void forget(String guid) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM redelivery_request WHERE guid = ?")) {
            delete.setString(1, guid);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget the redelivery of " + guid, e);
        }
    }

    private static boolean exists(PreparedStatement statement, String guid) throws SQLException {
        statement.setString(1, guid);
        try (ResultSet row = statement.executeQuery()) {
            return row.next();
        }
    }
}
