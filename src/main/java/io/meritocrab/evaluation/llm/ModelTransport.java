package io.meritocrab.evaluation.llm;

import io.meritocrab.metrics.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Sends one request to the model provider and returns its answer's body. The fault tolerance is
 * declared here and tuned through `meritocrab.llm.*` keys (META-INF/microprofile-config.properties maps
 * them onto MicroProfile Fault Tolerance's): at most `max-concurrent-calls` calls at once (a call
 * beyond that is refused at once and put back in the queue), each cut off after `timeout-ms`, retried
 * on 5xx answers, connection failures and timeouts, and a circuit breaker that stops calling a failing
 * provider for a while. A 429 is not retried here: the queue tries again after its `Retry-After`.
 */
@ApplicationScoped
public class ModelTransport {

    private static final int MAX_ERROR_TEXT = 300;

    @Inject
    OutboundCalls calls;

    @Retry(maxRetries = 2, delay = 1000, jitter = 100,
            retryOn = {ModelUnavailableException.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 60_000, successThreshold = 2,
            failOn = {ModelUnavailableException.class, TimeoutException.class})
    @Timeout(30_000)
    @Bulkhead(4)
    public String send(String provider, Supplier<Response> request) {
        Response response;
        long started = System.nanoTime();
        try {
            response = request.get();
        } catch (ProcessingException e) {
            record(provider, started, OutboundCalls.ERROR);
            throw new ModelUnavailableException(provider + " did not answer (" + rootCause(e) + ")", e);
        }
        try {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            record(provider, started, status == 429 ? "rate_limited" : status >= 500 || status == 408
                    ? OutboundCalls.ERROR : status >= 300 ? "refused" : OutboundCalls.SUCCESS);
            if (status == 429) {
                throw new ModelRateLimitedException(provider + " answered 429 (rate limited)",
                        RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now()));
            }
            if (status >= 500 || status == 408) {
                throw new ModelUnavailableException(provider + " answered " + status, null);
            }
            if (status >= 300) {
                throw new ModelRejectedException(provider + " refused the request with " + status + ": "
                        + shortened(body));
            }
            return body;
        } catch (ProcessingException e) {
            record(provider, started, OutboundCalls.ERROR);
            throw new ModelUnavailableException(provider + "'s answer was cut off (" + rootCause(e) + ")", e);
        } finally {
            response.close();
        }
    }

    /** One call to the provider (each retry is one more); the operation label is the provider. */
    private void record(String provider, long started, String outcome) {
        calls.record(OutboundCalls.LLM, provider, Duration.ofNanos(System.nanoTime() - started), outcome);
    }

    private static String shortened(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "…";
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
