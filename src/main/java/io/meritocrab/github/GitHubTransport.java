package io.meritocrab.github;

import io.meritocrab.metrics.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Sends one request to GitHub and reads the answer in full. 5xx answers and timeouts count toward a
 * circuit breaker that stops calling a failing GitHub for a while (tunable through MicroProfile
 * Fault Tolerance's config keys, see the README).
 */
@ApplicationScoped
public class GitHubTransport {

    /** Far above any answer to the calls made here (pages of 100, files of 64 KB, diffs cut at 1 MB). */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    @Inject
    OutboundCalls calls;

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            failOn = GitHubUnavailableException.class)
    public GitHubAnswer send(String operation, Supplier<Response> request) {
        Response response;
        long started = System.nanoTime();
        try {
            response = request.get();
        } catch (ProcessingException e) {
            record(started, OutboundCalls.ERROR);
            throw new GitHubUnavailableException(operation + ": GitHub did not answer (" + rootMessage(e) + ")", e);
        }
        try {
            String body = response.hasEntity() ? body(response.readEntity(InputStream.class), operation) : "";
            GitHubAnswer answer = new GitHubAnswer(response.getStatus(), body, response.getHeaderString("Link"),
                    response.getHeaderString("Retry-After"), response.getHeaderString("x-ratelimit-remaining"),
                    response.getHeaderString("x-ratelimit-reset"));
            record(started, outcome(answer));
            if (answer.status() >= 500) {
                throw new GitHubUnavailableException(operation + ": GitHub answered " + answer.status(), null);
            }
            return answer;
        } catch (ProcessingException | IOException e) {
            record(started, OutboundCalls.ERROR);
            throw new GitHubUnavailableException(operation + ": GitHub's answer was cut off (" + rootMessage(e) + ")", e);
        } finally {
            response.close();
        }
    }

    /**
     * The answer as text, refused past {@link #MAX_ANSWER_BYTES}: a pull request's diff is written by its
     * author, and nothing they push may make this server hold an unbounded answer in memory.
     */
    static String body(InputStream entity, String operation) throws IOException {
        try (entity) {
            byte[] bytes = entity.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new GitHubException(operation + ": GitHub's answer is over " + MAX_ANSWER_BYTES / (1024 * 1024)
                        + " MB, more than this server reads", false);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void record(long started, String outcome) {
        calls.record(OutboundCalls.GITHUB, InvokedOperation.take(), Duration.ofNanos(System.nanoTime() - started), outcome);
    }

    /** 404 is an answer (no such file, not a collaborator); rate limits and other refusals are not. */
    static String outcome(GitHubAnswer answer) {
        int status = answer.status();
        if (status < 400 || status == 404) {
            return OutboundCalls.SUCCESS;
        }
        if (status == 429 || (status == 403 && "0".equals(answer.rateLimitRemaining()))) {
            return "rate_limited";
        }
        return status >= 500 ? OutboundCalls.ERROR : "refused";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
