package io.meritocrab.metrics;

import java.util.List;

/**
 * The names of the application's metrics. Prometheus shows them with dots as underscores, counters
 * with {@code _total}, timers in seconds ({@code _seconds_count}, {@code _seconds_sum},
 * {@code _seconds_max}, {@code _seconds_bucket}); the alert rules and the dashboard under deploy/ use them.
 */
public final class MetricNames {

    /** Counter {event, outcome}: webhook answers; outcome accepted, duplicate, ignored, rejected, unavailable. */
    public static final String WEBHOOKS = "meritocrab.webhooks";
    /** Counter {event, outcome}: processing attempts; outcome processed, retrying, failed. */
    public static final String DELIVERY_ATTEMPTS = "meritocrab.delivery.attempts";
    /** Timer {event}: how long processing one delivery took. */
    public static final String DELIVERY_PROCESSING = "meritocrab.delivery.processing";
    /** Gauge: deliveries waiting to be processed. */
    public static final String QUEUE_DEPTH = "meritocrab.delivery.queue.depth";
    /** Gauge, seconds: age of the oldest delivery waiting to be processed (0 when none waits). */
    public static final String OLDEST_PENDING_AGE = "meritocrab.delivery.oldest.pending.age";
    /** Gauge: deliveries parked as failed, waiting for a maintainer's retry. */
    public static final String FAILED_DELIVERIES = "meritocrab.delivery.failed";
    /** Counter {provider, outcome}: evaluations; outcome is the classification, or error. */
    public static final String EVALUATIONS = "meritocrab.evaluations";
    /** Counter {kind, direction}: ledger entries; direction gain, loss or none. */
    public static final String CREDIT_CHANGES = "meritocrab.credit.changes";
    /** Counter {kind, direction}: credit points gained or lost (absolute applied deltas). */
    public static final String CREDIT_POINTS = "meritocrab.credit.points";
    /** Gauge: shadow closes decided and not yet carried out. */
    public static final String PENDING_SHADOW_CLOSES = "meritocrab.shadow.closes.pending";
    /** Gauge, bytes: webhook body bytes received and not yet refused or committed, across all requests. */
    public static final String BODY_BYTES_IN_FLIGHT = "meritocrab.webhook.body.bytes.in.flight";
    /** Counter {scope}: requests answered 429; scope webhook, api or authentication. */
    public static final String RATE_LIMITED = "meritocrab.rate.limited";
    /** Counter {service, operation, outcome}: calls to GitHub and the LLM providers. */
    public static final String OUTBOUND_CALLS = "meritocrab.outbound.calls";
    /** Timer {service, operation}: latency of calls to GitHub and the LLM providers. */
    public static final String OUTBOUND_CALL_DURATION = "meritocrab.outbound.call.duration";

    /** Every name with the suffix Prometheus gives it (counters {@code _total}, timers {@code _seconds}). */
    public static final List<String> PROMETHEUS = List.of(
            prometheus(WEBHOOKS) + "_total",
            prometheus(DELIVERY_ATTEMPTS) + "_total",
            prometheus(DELIVERY_PROCESSING) + "_seconds",
            prometheus(QUEUE_DEPTH),
            prometheus(OLDEST_PENDING_AGE) + "_seconds",
            prometheus(FAILED_DELIVERIES),
            prometheus(EVALUATIONS) + "_total",
            prometheus(CREDIT_CHANGES) + "_total",
            prometheus(CREDIT_POINTS) + "_total",
            prometheus(PENDING_SHADOW_CLOSES),
            prometheus(BODY_BYTES_IN_FLIGHT) + "_bytes",
            prometheus(RATE_LIMITED) + "_total",
            prometheus(OUTBOUND_CALLS) + "_total",
            prometheus(OUTBOUND_CALL_DURATION) + "_seconds");

    private MetricNames() {
    }

    static String prometheus(String name) {
        return name.replace('.', '_');
    }
}
