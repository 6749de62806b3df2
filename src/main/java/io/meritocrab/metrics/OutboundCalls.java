package io.meritocrab.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Counts and times the calls the server makes to GitHub and to the LLM providers, for the error-rate
 * and latency alerts. Callers name the service ({@value #GITHUB} or {@value #LLM}), a short operation
 * (e.g. "close_pull_request", "evaluate") and an outcome: {@value #SUCCESS}, {@value #ERROR}, or a
 * more precise word such as "rate_limited", "timeout" or "unavailable".
 */
@ApplicationScoped
public class OutboundCalls {

    public static final String GITHUB = "github";
    public static final String LLM = "llm";
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";

    @Inject
    MetricRegistry registry;

    private TaggedCounters calls;
    private TaggedCounters durations;

    @PostConstruct
    void register() {
        calls = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.OUTBOUND_CALLS,
                "Calls to GitHub and the LLM providers by outcome", MetricUnits.NONE), "service", "operation", "outcome");
        durations = new TaggedCounters(registry, TaggedCounters.metadata(MetricNames.OUTBOUND_CALL_DURATION,
                "Latency of calls to GitHub and the LLM providers", MetricUnits.NANOSECONDS), "service", "operation");
    }

    public void record(String service, String operation, Duration latency, String outcome) {
        calls.counter(service, operation, outcome).inc();
        durations.timer(service, operation).update(latency);
    }

    /** Runs a call, recording it as {@value #SUCCESS} when it returns and {@value #ERROR} when it throws. */
    public <T> T time(String service, String operation, Supplier<T> call) {
        long started = System.nanoTime();
        String outcome = ERROR;
        try {
            T result = call.get();
            outcome = SUCCESS;
            return result;
        } finally {
            record(service, operation, Duration.ofNanos(System.nanoTime() - started), outcome);
        }
    }
}
