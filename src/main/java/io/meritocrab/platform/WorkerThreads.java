package io.meritocrab.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A pool's named threads from the container's ManagedThreadFactory (so they carry the application's
 * context), started together and waited for at shutdown.
 */
public final class WorkerThreads {

    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code count} threads named {@code name-0…}; thread i runs {@code work.apply(i)}. */
    public void start(ManagedThreadFactory factory, String name, int count, IntFunction<Runnable> work) {
        for (int i = 0; i < count; i++) {
            Thread thread = factory.newThread(work.apply(i));
            thread.setName(name + "-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    public int size() {
        return threads.size();
    }

    public boolean allAlive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    /** Waits for each thread to end, at most {@code each}; gives up at once if interrupted. */
    public void join(Duration each) {
        for (Thread thread : threads) {
            try {
                thread.join(each.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sleeps, keeping an interrupt for the caller's loop to see. */
    public static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
