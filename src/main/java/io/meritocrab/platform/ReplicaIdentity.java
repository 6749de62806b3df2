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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who holds a lease, so that a server restarted after a crash takes back the work it had leased at once
 * instead of waiting for its leases to run out. A server is a replica (a stable id:
 * {@code meritocrab.replica.id}, else the host name, which a Kubernetes pod or a container keeps across
 * restarts of its process) and each start of it a run; every {@link LeasedQueue} records
 * {@link #holder()} with a lease. The one owner of the {@code replica} table.
 *
 * <p>A replica id belongs to one live server at a time: each run claims its id's row and renews it every
 * {@value #HEARTBEAT_SECONDS} s. A run may claim the id only when the row's last renewal is older than
 * {@value #STALE_SECONDS} s (the run that renewed it is dead); it then fires {@link EarlierRunLeases}, and
 * the queues make that earlier run's leases due at once. A run that cannot claim its id shares it with a
 * live server (two servers given the same id): it logs so, takes nothing back, and its own leases run out
 * as they did before. Leases of another replica are never touched.
 */
@ApplicationScoped
public class ReplicaIdentity {

    static final int HEARTBEAT_SECONDS = 5;
    static final int STALE_SECONDS = 15;
    static final int MAX_ID_LENGTH = 160;
    private static final String RENEW = "UPDATE replica SET run = ?, heartbeat_at = ? "
            + "WHERE id = ? AND (run = ? OR heartbeat_at < ?)";
    private static final String CLAIM = "INSERT INTO replica (id, run, heartbeat_at) VALUES (?, ?, ?)";
    private static final Logger LOG = Logger.getLogger(ReplicaIdentity.class.getName());

    @Inject
    Database dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject @ConfigProperty(name = "meritocrab.replica.id")
    Optional<String> configuredId;
    @Inject
    Event<EarlierRunLeases> earlierRunLeases;

    private final String run = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private volatile String replica;
    private volatile boolean claimed;
    private volatile boolean warnedShared;
    private ScheduledFuture<?> heartbeat;

    /** The lease holder of this run: {@code <replica id>/<run>}. */
    public String holder() {
        return replica() + "/" + run;
    }

    public String replica() {
        if (replica == null) {
            replica = sanitize(configuredId.filter(id -> !id.isBlank()).orElseGet(ReplicaIdentity::hostName));
        }
        return replica;
    }

    void start(@Observes SchemaReady ready) {
        beat();
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
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
                claimed = true;
                LOG.info(() -> "Replica " + replica() + " (run " + run + ") takes back the leases of its earlier runs");
                earlierRunLeases.fire(new EarlierRunLeases(replica() + "/", holder()));
            } else if (!holds && claimed) {
                claimed = false;
                LOG.warning(() -> "Replica id " + replica() + " was claimed by another server: two servers must "
                        + "not share MERITOCRAB_REPLICA_ID");
            } else if (!holds && !warnedShared
                    && Instant.now().isAfter(startedAt.plusSeconds(STALE_SECONDS + 2L * HEARTBEAT_SECONDS))) {
                warnedShared = true;
                LOG.warning(() -> "Replica id " + replica() + " is in use by another running server, so this "
                        + "server takes back none of its leases after a restart (they run out instead). Give each "
                        + "server its own MERITOCRAB_REPLICA_ID");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "Could not renew replica id " + replica() + ": " + e.getMessage());
        }
    }

    /** Renews this run's claim, or claims the id when nobody has renewed it for STALE_SECONDS. */
    boolean claimOrRenew() throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement renew = connection.prepareStatement(RENEW)) {
                renew.setString(1, run);
                renew.setTimestamp(2, Timestamp.from(now));
                renew.setString(3, replica());
                renew.setString(4, run);
                renew.setTimestamp(5, Timestamp.from(now.minusSeconds(STALE_SECONDS)));
                if (renew.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setString(1, replica());
                claim.setString(2, run);
                claim.setTimestamp(3, Timestamp.from(now));
                claim.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** A replica id never contains the holder's separator '/', so no id's holders start with another id's. */
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
}
