package io.meritocrab.inbox;

import io.meritocrab.platform.Database;
import io.meritocrab.platform.EarlierRunLeases;
import io.meritocrab.platform.LeasedQueue;
import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The `delivery` table's one owner: every statement on it is here, all of them plain JDBC. Rows are
 * written by {@link DeliveryInbox} before a webhook is answered, leased and settled by the delivery
 * workers (package {@code processing}) through the shared {@link LeasedQueue}, and read by the admin
 * API, the console, the gauges and the redelivery job. In a JTA transaction (processing a delivery) the
 * connection takes part in it.
 */
@ApplicationScoped
public class Deliveries {

    static final LeasedQueue QUEUE = new LeasedQueue("delivery", "id", "next_attempt_at", "status = 'PENDING'");
    private static final String INSERT = "INSERT INTO delivery (delivery_id, event, action, installation_id, "
            + "repository_id, repository_name, payload, payload_size, received_at, status, attempts, next_attempt_at, sender_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING";
    private static final String ROW = "SELECT id, delivery_id, event, action, repository_name, status, attempts, "
            + "last_error, outcome, received_at, payload_size, repository_id FROM delivery ";
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @Inject
    Database dataSource;
    @Inject
    ReplicaIdentity identity;
    @Inject
    DeliverySignal signal;

    /** Stores deliveries in one transaction; a repeated delivery id is refused by the unique key. */
    public List<Acceptance> insert(List<IncomingDelivery> deliveries) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (IncomingDelivery delivery : deliveries) {
                    bind(insert, delivery);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                connection.commit();
                List<Acceptance> results = new ArrayList<>(counts.length);
                for (int count : counts) {
                    results.add(count == 0 ? Acceptance.DUPLICATE : Acceptance.ACCEPTED);
                }
                return results;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Leases up to {@code limit} due deliveries to this server for {@code lease}. */
    public List<Claim> claimDue(int limit, Duration lease) throws SQLException {
        return claim(limit, lease, "TRUE", List.of());
    }

    /** Leases up to {@code limit} due deliveries of one worker's share (see {@link WorkerShare}) to this server. */
    public List<Claim> claimDue(int limit, Duration lease, WorkerShare share) throws SQLException {
        return claim(limit, lease, WorkerShare.CONDITION, share.parameters());
    }

    private List<Claim> claim(int limit, Duration lease, String condition, List<Object> parameters) throws SQLException {
        return QUEUE.claim(dataSource, Instant.now(), lease, identity.holder(), limit, condition, parameters,
                "delivery_id, event, repository_id, sender_id, payload_size",
                (granted, row) -> new Claim(granted.id(), row.getString(3), row.getString(4), granted.attempt(),
                        nullableLong(row, 5), nullableLong(row, 6), row.getLong(7)));
    }

    /** Hands back leases this server will not use, so the deliveries are due at once elsewhere. */
    public void release(List<Claim> unused) throws SQLException {
        QUEUE.release(dataSource, unused.stream().map(Claim::lease).toList());
    }

    /** Makes the deliveries a dead earlier run of this replica had leased due at once. */
    void takeBack(@Observes EarlierRunLeases earlier) throws SQLException {
        int taken = QUEUE.takeBack(dataSource, Instant.now(), earlier.holderPrefix(), earlier.currentHolder());
        LOG.info(() -> "Took back " + taken + " deliveries leased by an earlier run of this replica");
        if (taken > 0) {
            signal.wake();
        }
    }

    /**
     * Locks leased deliveries for processing in the caller's transaction, all in one statement; a delivery
     * whose lease was lost to another server meanwhile is absent from the answer.
     *
     * @return the locked deliveries by row id
     */
    public Map<Long, StoredDelivery> lockForProcessing(List<Claim> claims) throws SQLException {
        Map<Long, StoredDelivery> locked = new HashMap<>();
        if (claims.isEmpty()) {
            return locked;
        }
        Map<Long, Claim> byId = claims.stream().collect(Collectors.toMap(Claim::id, claim -> claim));
        String ids = claims.stream().map(claim -> "?").collect(Collectors.joining(", "));
        // Row order, so two transactions locking overlapping sets (a lease taken over) cannot deadlock.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT id, event, action, payload, status, "
                     + "attempts FROM delivery WHERE id IN (" + ids + ") ORDER BY id FOR UPDATE")) {
            int index = 1;
            for (Claim claim : claims) {
                lock.setLong(index++, claim.id());
            }
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    Claim claim = byId.get(row.getLong(1));
                    if (!"PENDING".equals(row.getString(5)) || row.getInt(6) != claim.attempt()) {
                        continue;
                    }
                    byte[] payload = row.getBytes(4);
                    if (payload == null) {
                        throw new IllegalStateException("the payload of delivery " + claim.deliveryId() + " is gone");
                    }
                    locked.put(claim.id(), new StoredDelivery(claim.deliveryId(), row.getString(2), row.getString(3),
                            payload));
                }
            }
        }
        return locked;
    }

    /**
     * Marks deliveries processed, each with its outcome, in the transaction that applied their effects: one
     * batch of updates, each only while the lease is still held.
     */
    public void processed(Map<Claim, String> outcomes) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        List<LeasedQueue.Lease> leases = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        outcomes.forEach((claim, outcome) -> {
            leases.add(claim.lease());
            values.add(new Object[] {now, Texts.cut(outcome, 255)});
        });
        QUEUE.whileHeld(dataSource, leases, "status = 'PROCESSED', processed_at = ?, outcome = ?, last_error = NULL",
                values);
    }

    /** Records a failed attempt: due again at {@code next}, or parked as failed. */
    public void failed(Claim claim, boolean park, String error, Instant next) throws SQLException {
        QUEUE.rescheduleWhileHeld(dataSource, claim.lease(), next, "status = ?, last_error = ?",
                park ? "FAILED" : "PENDING", Texts.cut(error, 2000));
    }

    /** Parks a delivery whose earlier attempts ended without a recorded failure (e.g. a crash). */
    public void gaveUp(Claim claim) throws SQLException {
        QUEUE.whileHeld(dataSource, claim.lease(), "status = 'FAILED', last_error = COALESCE(last_error, ?)",
                "gave up after " + (claim.attempt() - 1) + " attempts");
    }

    /** Gives a failed delivery a fresh set of attempts; false when it was not failed. */
    public boolean retry(String deliveryId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement retry = connection.prepareStatement("UPDATE delivery SET status = 'PENDING', "
                     + "attempts = 0, next_attempt_at = ? WHERE delivery_id = ? AND status = 'FAILED'")) {
            retry.setTimestamp(1, Timestamp.from(Instant.now()));
            retry.setString(2, deliveryId);
            return retry.executeUpdate() == 1;
        }
    }

    /**
     * Drops, in one transaction, the payloads of up to {@code limit} deliveries processed before
     * {@code cutoff}; rows another server is dropping meanwhile are skipped.
     *
     * @return how many payloads were dropped
     */
    public int dropPayloadsProcessedBefore(Instant cutoff, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement expired = connection.prepareStatement("SELECT id FROM delivery "
                        + "WHERE status = 'PROCESSED' AND processed_at < ? AND payload IS NOT NULL "
                        + "ORDER BY processed_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    expired.setTimestamp(1, Timestamp.from(cutoff));
                    expired.setInt(2, limit);
                    try (ResultSet rows = expired.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement drop = connection.prepareStatement(
                            "UPDATE delivery SET payload = NULL WHERE id = ?")) {
                        for (long id : ids) {
                            drop.setLong(1, id);
                            drop.addBatch();
                        }
                        drop.executeBatch();
                    }
                }
                connection.commit();
                return ids.size();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * A page of deliveries with the given status, newest first, below the row id {@code before}.
     *
     * @param repositoryIds the repositories whose deliveries may be listed; null for all
     */
    public List<DeliveryRow> page(String status, long before, int limit, Collection<Long> repositoryIds)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement page = connection.prepareStatement(ROW + "WHERE status = ? AND id < ?"
                     + scope(repositoryIds) + " ORDER BY id DESC LIMIT ?")) {
            page.setString(1, status);
            page.setLong(2, before);
            page.setInt(3, limit);
            List<DeliveryRow> rows = new ArrayList<>();
            try (ResultSet row = page.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row));
                }
            }
            return rows;
        }
    }

    /** Deliveries parked as failed in the given repositories (null: in all). */
    public long failedCount(Collection<Long> repositoryIds) throws SQLException {
        return count("SELECT COUNT(*) FROM delivery WHERE status = 'FAILED'" + scope(repositoryIds));
    }

    public Optional<DeliveryRow> find(String deliveryId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement(ROW + "WHERE delivery_id = ?")) {
            find.setString(1, deliveryId);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(row(row)) : Optional.empty();
            }
        }
    }

    /** The raw payload, absent once retention dropped it. */
    public Optional<byte[]> payload(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement payload = connection.prepareStatement("SELECT payload FROM delivery WHERE id = ?")) {
            payload.setLong(1, id);
            try (ResultSet row = payload.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Whether a delivery with this id (GitHub's guid) was ever received. */
    public boolean received(String deliveryId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement received = connection.prepareStatement("SELECT 1 FROM delivery WHERE delivery_id = ?")) {
            received.setString(1, deliveryId);
            try (ResultSet row = received.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The inbox's depth for the gauges: one round of cheap indexed queries. */
    public InboxDepth depth() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement pending = connection.prepareStatement(
                     "SELECT COUNT(*), MIN(received_at) FROM delivery WHERE status = 'PENDING'");
             ResultSet row = pending.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            return new InboxDepth(row.getLong(1), oldest == null ? null : oldest.toInstant(), failedCount(null));
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(sql);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The SQL restricting rows to the given repositories (ids are numbers, never text from a request). */
    private static String scope(Collection<Long> repositoryIds) {
        if (repositoryIds == null) {
            return "";
        }
        if (repositoryIds.isEmpty()) {
            return " AND FALSE";
        }
        return repositoryIds.stream().map(String::valueOf).collect(Collectors.joining(", ", " AND repository_id IN (", ")"));
    }

    private static DeliveryRow row(ResultSet row) throws SQLException {
        long repository = row.getLong(12);
        Long repositoryId = row.wasNull() ? null : repository;
        return new DeliveryRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getInt(7), row.getString(8), row.getString(9),
                row.getTimestamp(10).toInstant(), row.getInt(11), repositoryId);
    }

    private static void bind(PreparedStatement insert, IncomingDelivery delivery) throws SQLException {
        PayloadSummary summary = delivery.summary();
        Timestamp received = Timestamp.from(delivery.receivedAt());
        insert.setString(1, delivery.deliveryId());
        insert.setString(2, delivery.event());
        // The payload is stored whole; the summary read from it only has to fit its columns.
        insert.setString(3, Texts.storable(summary.action(), 64));
        setLong(insert, 4, summary.installationId());
        setLong(insert, 5, summary.repositoryId());
        insert.setString(6, Texts.storable(summary.repositoryFullName(), 255));
        insert.setBytes(7, delivery.payload());
        insert.setInt(8, delivery.payload().length);
        insert.setTimestamp(9, received);
        insert.setTimestamp(10, received);
        setLong(insert, 11, summary.senderId());
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
