package io.meritocrab.processing;

import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.ReplicaIdentity.EarlierRunLeases;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leases due deliveries to this server. Rows are picked with FOR UPDATE SKIP LOCKED, so servers
 * sharing one database never lease the same delivery, and the lease (a later next_attempt_at) is
 * committed before processing starts, so a delivery whose server dies is picked up again when the
 * lease runs out, or at once when that server is restarted (the lease names its holder, see
 * {@link ReplicaIdentity}).
 */
@ApplicationScoped
public class DeliveryClaims {

    private static final String DUE = "SELECT id, delivery_id, attempts, event FROM delivery "
            + "WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? "
            + "FOR UPDATE SKIP LOCKED";
    private static final String LEASE = "UPDATE delivery SET attempts = ?, next_attempt_at = ?, lease_holder = ? WHERE id = ?";
    private static final String RELEASE = "UPDATE delivery SET attempts = attempts - 1, next_attempt_at = ?, "
            + "lease_holder = NULL WHERE id = ? AND status = 'PENDING' AND attempts = ?";
    private static final String TAKE_BACK = "UPDATE delivery SET next_attempt_at = ?, lease_holder = NULL "
            + "WHERE status = 'PENDING' AND next_attempt_at > ? AND lease_holder <> ? AND LEFT(lease_holder, ?) = ?";
    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class.getName());

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Inject @ConfigProperty(name = "meritocrab.delivery.lease", defaultValue = "PT2M")
    Duration lease;
    @Inject
    ReplicaIdentity identity;

    public List<Claim> claimDue(int limit) throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Claim> claims = new ArrayList<>();
                try (PreparedStatement due = connection.prepareStatement(DUE)) {
                    due.setTimestamp(1, Timestamp.from(now));
                    due.setInt(2, limit);
                    try (ResultSet rows = due.executeQuery()) {
                        while (rows.next()) {
                            claims.add(new Claim(rows.getLong(1), rows.getString(2), rows.getString(4), rows.getInt(3) + 1));
                        }
                    }
                }
                if (!claims.isEmpty()) {
                    try (PreparedStatement leaseRows = connection.prepareStatement(LEASE)) {
                        Timestamp until = Timestamp.from(now.plus(lease));
                        String holder = identity.holder();
                        for (Claim claim : claims) {
                            leaseRows.setInt(1, claim.attempt());
                            leaseRows.setTimestamp(2, until);
                            leaseRows.setString(3, holder);
                            leaseRows.setLong(4, claim.id());
                            leaseRows.addBatch();
                        }
                        leaseRows.executeBatch();
                    }
                }
                connection.commit();
                return claims;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Hands back leases this server will not use (it is shutting down), so the deliveries are due at
     * once for another server or the next start instead of when the lease would run out.
     */
    public void release(List<Claim> unused) throws SQLException {
        if (unused.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Claim claim : unused) {
                release.setTimestamp(1, now);
                release.setLong(2, claim.id());
                release.setInt(3, claim.attempt());
                release.addBatch();
            }
            release.executeBatch();
        }
    }

    /**
     * Makes the deliveries an earlier run of this replica had leased due at once: that run is dead
     * (its transactions rolled back with its connections), so nobody else will finish them.
     */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement takeBack = connection.prepareStatement(TAKE_BACK)) {
            Timestamp now = Timestamp.from(Instant.now());
            takeBack.setTimestamp(1, now);
            takeBack.setTimestamp(2, now);
            takeBack.setString(3, earlier.currentHolder());
            takeBack.setInt(4, earlier.holderPrefix().length());
            takeBack.setString(5, earlier.holderPrefix());
            int taken = takeBack.executeUpdate();
            LOG.info(() -> "Took back " + taken + " deliveries leased by an earlier run of this replica");
        }
    }
}
