package io.meritocrab.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Sends one request to GitHub and reads the answer in full. 5xx answers and timeouts count toward a
 * circuit breaker that stops calling a failing GitHub for a while (tunable through MicroProfile
 * Fault Tolerance's config keys, see the README).
 */
@ApplicationScoped
public class GitHubTransport {

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            failOn = GitHubUnavailableException.class)
    public GitHubAnswer send(String operation, Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            throw new GitHubUnavailableException(operation + ": GitHub did not answer (" + rootMessage(e) + ")", e);
        }
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            GitHubAnswer answer = new GitHubAnswer(response.getStatus(), body, response.getHeaderString("Link"),
                    response.getHeaderString("Retry-After"), response.getHeaderString("x-ratelimit-remaining"),
                    response.getHeaderString("x-ratelimit-reset"));
            if (answer.status() >= 500) {
                throw new GitHubUnavailableException(operation + ": GitHub answered " + answer.status(), null);
            }
            return answer;
        } catch (ProcessingException e) {
            throw new GitHubUnavailableException(operation + ": GitHub's answer was cut off (" + rootMessage(e) + ")", e);
        } finally {
            response.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
