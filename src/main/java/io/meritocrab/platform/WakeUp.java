package io.meritocrab.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way a queue's idle workers are woken: whoever commits new work calls {@link #wake()} after the
 * commit (directly, or from a CDI observer {@code during = AFTER_SUCCESS}), and a worker that found
 * nothing due waits in {@link #await} until then or until its poll interval passes, which also sweeps up
 * work left by a crash or by another server. Each queue's signal bean extends this class.
 */
public abstract class WakeUp {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private long generation;

    public void wake() {
        lock.lock();
        try {
            generation++;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What a worker remembers before it looks for work, to see whether anything arrived since. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until woken after {@code seenGeneration}, or {@code timeout} passes; returns the generation. */
    public long await(long seenGeneration, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeout.toMillis());
            while (generation == seenGeneration && remaining > 0) {
                remaining = woken.awaitNanos(remaining);
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }
}
