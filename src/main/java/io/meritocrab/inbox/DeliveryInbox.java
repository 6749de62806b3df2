package io.meritocrab.inbox;

import io.meritocrab.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commits incoming deliveries before their webhook is answered. Deliveries arriving together are
 * committed together, several per transaction, because one commit per delivery caps intake at the
 * database's commit rate. A repeated delivery id is refused by the unique key, not by a prior lookup.
 * Once committed, the delivery workers (package {@code processing}) are woken through
 * {@link DeliverySignal} and lease the rows from {@link Deliveries}.
 */
@ApplicationScoped
public class DeliveryInbox {

    private static final Logger LOG = Logger.getLogger(DeliveryInbox.class.getName());
    private static final long MAX_BATCH_BYTES = 32L * 1024 * 1024;

    @Inject
    IntakeSettings settings;
    @Inject
    Deliveries deliveries;
    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    DeliverySignal signal;

    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>(10_000);
    private final LongAdder submitted = new LongAdder();
    private final List<Thread> writers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private record Submission(IncomingDelivery delivery, CompletableFuture<Acceptance> answer) {
    }

    /** Queues a delivery for the next commit; the future completes once it is committed (or refused). */
    public CompletableFuture<Acceptance> submit(IncomingDelivery delivery) {
        submitted.increment();
        CompletableFuture<Acceptance> answer = new CompletableFuture<>();
        if (!running || writers.isEmpty() || !queue.offer(new Submission(delivery, answer))) {
            answer.completeExceptionally(new IllegalStateException("the inbox is not accepting deliveries"));
        }
        return answer;
    }

    /** Deliveries handed to the inbox since the server started; its rate tells how busy intake is. */
    public long submittedSoFar() {
        return submitted.sum();
    }

    void start(@Observes SchemaReady ready) {
        for (int i = 0; i < Math.max(1, settings.writerCount()); i++) {
            Thread writer = threadFactory.newThread(this::writeUntilStopped);
            writer.setName("meritocrab-inbox-" + i);
            writers.add(writer);
            writer.start();
        }
    }

    private void writeUntilStopped() {
        List<Submission> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long bytes = first.delivery().payload().length;
                while (batch.size() < settings.maxBatch() && bytes < MAX_BATCH_BYTES) {
                    Submission next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    bytes += next.delivery().payload().length;
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Inbox writer failed; the deliveries of this batch were refused", e);
                batch.forEach(s -> s.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Submission> batch) {
        try {
            List<Acceptance> results = deliveries.insert(batch.stream().map(Submission::delivery).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(results.get(i));
            }
            signal.wake();
        } catch (SQLException batchFailure) {
            if (batch.size() == 1) {
                String failure = "Could not store delivery " + batch.get(0).delivery().deliveryId() + ": "
                        + withoutValues(batchFailure);
                LOG.warning(failure);
                batch.get(0).answer().completeExceptionally(new SQLException(failure, batchFailure.getSQLState()));
                return;
            }
            // One bad row must not refuse its neighbours: store them one at a time.
            for (Submission single : batch) {
                commit(new ArrayList<>(List.of(single)));
            }
        }
    }

    /**
     * What the database said, without the statement: a failed batch's message lists its parameters,
     * the payload among them, and payloads are never logged.
     */
    private static String withoutValues(SQLException failure) {
        SQLException cause = failure.getNextException() != null ? failure.getNextException() : failure;
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        boolean quotesTheStatement = message.contains("INSERT INTO");
        return "SQLState " + cause.getSQLState() + (quotesTheStatement ? "" : ", " + message);
    }

    /** Stops taking deliveries and lets the writers commit what is already queued. */
    @PreDestroy
    void drain() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
