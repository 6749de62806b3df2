package io.meritocrab.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.Set;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Counts webhook answers and processing attempts by event and outcome, and times processing. Counting
 * a webhook is a map lookup and an increment: it runs on the intake hot path.
 */
@ApplicationScoped
public class DeliveryMetrics {

    /** Events with a label of their own; anything else (the header is the sender's word) counts as "other". */
    private static final Set<String> KNOWN_EVENTS = Set.of("pull_request", "issue_comment", "pull_request_review",
            "installation", "installation_repositories", "ping", "push", "issues", "check_run", "check_suite",
            "pull_request_review_comment", "repository", "member", "organization", "security_advisory");

    @Inject
    MetricRegistry registry;

    private TaggedCounters webhooks;
    private TaggedCounters attempts;
    private TaggedCounters processing;
    private TaggedCounters rateLimited;

    @PostConstruct
    void register() {
        webhooks = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.WEBHOOKS,
                "Webhook deliveries by event and the intake's answer", MetricUnits.NONE), "event", "outcome");
        attempts = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.DELIVERY_ATTEMPTS,
                "Delivery processing attempts by event and outcome", MetricUnits.NONE), "event", "outcome");
        processing = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.DELIVERY_PROCESSING,
                "Time to process one delivery", MetricUnits.NANOSECONDS), "event");
        rateLimited = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.RATE_LIMITED,
                "Requests refused with 429 by the rate limiter", MetricUnits.NONE), "scope");
    }

    /** outcome: accepted, duplicate, ignored, rejected or unavailable. */
    public void webhook(String event, String outcome) {
        webhooks.counter(label(event), outcome).inc();
    }

    /** outcome: processed, retrying or failed. */
    public void attempt(String event, String outcome, Duration took) {
        attempts.counter(label(event), outcome).inc();
        processing.timer(label(event)).update(took);
    }

    /**
     * Exports the webhook body bytes the intake holds (read at each scrape). A gauge left by an earlier
     * start of the application (a redeployment) would read a counter nobody updates: it is replaced.
     */
    public void watchBodyBytesInFlight(LongSupplier bytes) {
        registry.remove(MetricNames.BODY_BYTES_IN_FLIGHT);
        registry.gauge(TaggedCounters.metadata(MetricNames.BODY_BYTES_IN_FLIGHT,
                "Webhook body bytes received and not yet refused or committed", MetricUnits.BYTES), bytes,
                LongSupplier::getAsLong);
    }

    /** scope: webhook, api or authentication. */
    public void rateLimited(String scope) {
        rateLimited.counter(scope).inc();
    }

    static String label(String event) {
        return event != null && KNOWN_EVENTS.contains(event) ? event : "other";
    }
}
