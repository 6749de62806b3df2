package io.meritocrab.processing;

import java.util.function.LongSupplier;

/**
 * Tells whether webhooks are arriving faster than a threshold, measured over short windows. During
 * such a burst the delivery workers step aside: answering GitHub within its 10 seconds matters more
 * than applying deliveries at once, and the backlog is worked off as soon as the burst ends.
 */
final class IntakePressure {

    private static final long WINDOW_NANOS = 250_000_000L;

    private final LongSupplier acceptedSoFar;
    private final LongSupplier nanoClock;
    private final double thresholdPerSecond;
    private long windowStart;
    private long acceptedAtWindowStart;
    private boolean high;

    IntakePressure(LongSupplier acceptedSoFar, LongSupplier nanoClock, double thresholdPerSecond) {
        this.acceptedSoFar = acceptedSoFar;
        this.nanoClock = nanoClock;
        this.thresholdPerSecond = thresholdPerSecond;
        this.windowStart = nanoClock.getAsLong();
        this.acceptedAtWindowStart = acceptedSoFar.getAsLong();
    }

    /** True while the last complete window saw more deliveries per second than the threshold. */
    synchronized boolean high() {
        long now = nanoClock.getAsLong();
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            long accepted = acceptedSoFar.getAsLong();
            double perSecond = (accepted - acceptedAtWindowStart) * 1e9 / elapsed;
            high = perSecond > thresholdPerSecond;
            windowStart = now;
            acceptedAtWindowStart = accepted;
        }
        return high;
    }
}
