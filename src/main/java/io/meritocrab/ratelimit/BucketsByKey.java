package io.meritocrab.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (an address, a user, a token hash) with bounded memory: buckets idle for
 * longer than it takes them to refill are dropped (a fresh bucket is the same as a full one), and when
 * more than {@code maxKeys} keys are live at once, newcomers share one overflow bucket.
 */
public final class BucketsByKey {

    private static final String OVERFLOW = "\u0000overflow";

    private final long perMinute;
    private final int maxKeys;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    private static final class Entry {
        final Bucket bucket;
        volatile long lastUsed;

        Entry(Bucket bucket, long now) {
            this.bucket = bucket;
            this.lastUsed = now;
        }
    }

    public BucketsByKey(long perMinute, int maxKeys, LongSupplier nanoTime) {
        this.perMinute = Math.max(1, perMinute);
        this.maxKeys = Math.max(1, maxKeys);
        this.idleNanos = Duration.ofMinutes(1).toNanos();
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + idleNanos);
    }

    /** Takes a token for the key; zero when it may go ahead, otherwise how long to wait. */
    public Duration take(String key) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Entry entry = buckets.get(key);
        if (entry == null) {
            entry = buckets.size() < maxKeys ? buckets.computeIfAbsent(key, k -> newEntry(now))
                    : buckets.computeIfAbsent(OVERFLOW, k -> newEntry(now));
        }
        entry.lastUsed = now;
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How long the key would wait for a token now, without taking one; zero for an unknown key. */
    Duration peek(String key) {
        Entry entry = buckets.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = entry.bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private record Clock(LongSupplier nanoTime) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return nanoTime.getAsLong();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    int size() {
        return buckets.size();
    }

    private Entry newEntry(long now) {
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(new Clock(nanoTime))
                .build();
        return new Entry(bucket, now);
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + idleNanos)) {
            return;
        }
        buckets.values().removeIf(entry -> now - entry.lastUsed > idleNanos);
    }
}
