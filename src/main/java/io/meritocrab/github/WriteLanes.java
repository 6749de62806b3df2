package io.meritocrab.github;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Write calls of one installation go one at a time and about a second apart, as GitHub advises to stay
 * clear of its secondary rate limits. Reads are not held back. (Per server: replicas each keep their
 * own lanes.)
 */
final class WriteLanes {

    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

    <T> T inLane(long installationId, Duration spacing, Supplier<T> write) throws InterruptedException {
        Lane lane = lanes.computeIfAbsent(installationId, id -> new Lane());
        lane.lock.lockInterruptibly();
        try {
            long wait = lane.lastWriteEndedNanos + spacing.toNanos() - System.nanoTime();
            if (lane.lastWriteEndedNanos != 0 && wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            try {
                return write.get();
            } finally {
                lane.lastWriteEndedNanos = System.nanoTime();
            }
        } finally {
            lane.lock.unlock();
        }
    }

    private static final class Lane {
        private final ReentrantLock lock = new ReentrantLock(true);
        private long lastWriteEndedNanos;
    }
}
