package io.meritocrab.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes idle delivery workers when new deliveries have been committed. */
@ApplicationScoped
public class DeliverySignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private long generation;

    public void deliveriesArrived() {
        lock.lock();
        try {
            generation++;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until deliveries arrive after {@code seenGeneration}, or the timeout passes. */
    public long awaitArrival(long seenGeneration, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (generation == seenGeneration && remaining > 0) {
                remaining = arrived.awaitNanos(remaining);
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }

    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }
}
