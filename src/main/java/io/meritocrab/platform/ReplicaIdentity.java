package io.meritocrab.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who holds a lease, so that a server restarted after a crash takes back the work it had leased at
 * once instead of waiting for its leases to run out. A server is a replica (a stable id:
 * {@code meritocrab.replica.id}, else the host name, which a Kubernetes pod or a container keeps across
 * restarts of its process) and a run of it an incarnation; every queue (deliveries, the GitHub outbox,
 * model requests, job leases) records {@link #holder()} with each lease.
 *
 * <p>A replica id belongs to one live server at a time: each run claims its id's row in {@code replica}
 * and renews it every {@value #HEARTBEAT_SECONDS} s. A run may claim the id only when the row's last
 * renewal is older than {@value #STALE_SECONDS} s (the previous run is dead); it then fires
 * {@link EarlierRunLeases}, and the queues make that earlier run's leases due at once. A run that cannot
 * claim its id within {@value #STALE_SECONDS} s of starting shares it with a live server (two servers
 * given the same id): it logs so and never takes anything back, and its own leases run out as before.
 * Leases of any other replica are never touched.
 */
@ApplicationScoped
public class ReplicaIdentity {

    static final int HEARTBEAT_SECONDS = 5;
    static final int STALE_SECONDS = 15;
    private static final int MAX_ID_LENGTH = 160;
    private static final Logger LOG = Logger.getLogger(ReplicaIdentity.class.getName());

    @Resource(lookup = "jdbc/meritocrab")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject @ConfigProperty(name = "meritocrab.replica.id")
    Optional<String> configuredId;
    @Inject
    Event<EarlierRunLeases> earlierRunLeases;

    private final String incarnation = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private volatile String replica;
    private volatile boolean claimed;
    private volatile boolean gaveUp;
    private ScheduledFuture<?> heartbeat;

    /** The lease holder of this run: {@code <replica id>/<incarnation>}. */
    public String holder() {
        return replica() + "/" + incarnation;
    }

    public String replica() {
        if (replica == null) {
            replica = sanitize(configuredId.filter(id -> !id.isBlank()).orElseGet(ReplicaIdentity::hostName));
        }
        return replica;
    }

    /** Whether this run holds its replica id (and so has taken back its earlier run's leases). */
    public boolean claimed() {
        return claimed;
    }

    void start(@Observes SchemaReady ready) {
        beat();
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    private void beat() {
        try {
            boolean holds = claimOrRenew();
            if (holds && !claimed) {
                LOG.info(() -> "Replica " + replica() + " (run " + incarnation + ") takes back the leases of its earlier runs");
                earlierRunLeases.fire(new EarlierRunLeases(replica() + "/", holder()));
                claimed = true;
            } else if (!holds && claimed) {
                claimed = false;
                LOG.warning(() -> "Replica id " + replica() + " was claimed by another server: two servers must not "
                        + "share MERITOCRAB_REPLICA_ID");
            } else if (!holds && !gaveUp && Instant.now().isAfter(startedAt.plusSeconds(STALE_SECONDS + 2 * HEARTBEAT_SECONDS))) {
                gaveUp = true;
                LOG.warning(() -> "Replica id " + replica() + " is in use by another running server; this server "
                        + "takes back none of its leases after a restart (they run out instead). Give each server "
                        + "its own MERITOCRAB_REPLICA_ID");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "Could not renew replica id " + replica() + ": " + e.getMessage());
        }
    }

    /** Renews this run's claim, or claims the id when its holder has not renewed it for STALE_SECONDS. */
    private boolean claimOrRenew() throws SQLException {
        if (gaveUp) {
            return false;
        }
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE replica SET incarnation = ?, "
                    + "started_at = CASE WHEN incarnation = ? THEN started_at ELSE ? END, heartbeat_at = ? "
                    + "WHERE id = ? AND (incarnation = ? OR heartbeat_at < ?)")) {
                update.setString(1, incarnation);
                update.setString(2, incarnation);
                update.setTimestamp(3, Timestamp.from(startedAt));
                update.setTimestamp(4, Timestamp.from(now));
                update.setString(5, replica());
                update.setString(6, incarnation);
                update.setTimestamp(7, Timestamp.from(now.minusSeconds(STALE_SECONDS)));
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO replica (id, incarnation, started_at, heartbeat_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, replica());
                insert.setString(2, incarnation);
                insert.setTimestamp(3, Timestamp.from(startedAt));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw e;
            }
        }
    }

    static String sanitize(String id) {
        String clean = id.trim().replaceAll("[^A-Za-z0-9._:-]", "_");
        return clean.length() <= MAX_ID_LENGTH ? clean : clean.substring(0, MAX_ID_LENGTH);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The lease holder of a replica's earlier runs start with {@code holderPrefix}; this run is {@code currentHolder}. */
    public record EarlierRunLeases(String holderPrefix, String currentHolder) {
    }
}
