package io.meritocrab.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Makes GitHub calls behave well: authenticates them (App JWT or installation token, renewed once on
 * a 401), waits out rate limits GitHub announces (up to a bound; longer waits are handed back to the
 * caller's durable retry), retries 5xx answers and timeouts with backoff, and spaces out writes.
 */
@ApplicationScoped
public class GitHubCalls {

    private static final Logger LOG = Logger.getLogger(GitHubCalls.class.getName());
    private static final int MAX_RATE_LIMIT_WAITS = 3;

    @Inject
    GitHubSettings settings;
    @Inject
    GitHubTransport transport;
    @Inject
    InstallationTokens tokens;

    private final Clock clock = Clock.systemUTC();
    private final WriteLanes writeLanes = new WriteLanes();
    private volatile GitHubApi api;
    private volatile GitHubApi graphqlApi;
    private volatile AppJwt appJwt;

    public GitHubAnswer execute(GitHubCall call) {
        if (!settings.appConfigured()) {
            throw new GitHubException(call.operation() + ": the GitHub App is not configured "
                    + "(MERITOCRAB_GITHUB_APP_ID, MERITOCRAB_GITHUB_PRIVATE_KEY)", false);
        }
        int unavailable = 0;
        int rateLimitWaits = 0;
        boolean tokenRenewed = false;
        while (true) {
            GitHubAnswer answer;
            try {
                answer = call.write() ? writeLanes.inLane(call.lane(), settings.writeSpacing(),
                        () -> sendOnce(call)) : sendOnce(call);
            } catch (CircuitBreakerOpenException e) {
                throw new GitHubException(call.operation() + ": calls to GitHub are paused after repeated "
                        + "failures (circuit breaker open)", true, e);
            } catch (GitHubUnavailableException e) {
                unavailable++;
                if (unavailable >= settings.attempts()) {
                    throw new GitHubException(e.getMessage() + " after " + unavailable + " attempts", true, e);
                }
                pause(backoff(unavailable), call);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubException(call.operation() + ": interrupted", true, e);
            }
            if (answer.status() == 401 && call.installationId() != null && !tokenRenewed) {
                tokens.forget(call.installationId());
                tokenRenewed = true;
                continue;
            }
            Optional<Duration> wait = RateLimitAdvice.waitFor(answer, clock.instant());
            if (wait.isPresent()) {
                if (wait.get().compareTo(settings.maxRateLimitWait()) > 0 || rateLimitWaits >= MAX_RATE_LIMIT_WAITS) {
                    throw new GitHubException(call.operation() + ": rate limited by GitHub for "
                            + wait.get().toSeconds() + " s", wait.get());
                }
                rateLimitWaits++;
                LOG.info(() -> call.operation() + ": rate limited by GitHub (" + answer.status() + "), waiting "
                        + wait.get().toMillis() + " ms as asked");
                pause(wait.get(), call);
                continue;
            }
            return answer;
        }
    }

    private GitHubAnswer sendOnce(GitHubCall call) {
        String authorization = call.installationId() == null
                ? "Bearer " + appJwt().issue(clock.instant())
                : "token " + tokens.token(call.installationId());
        GitHubApi client = call.graphql() ? graphqlApi() : api();
        return transport.send(call.operation(), () -> call.request().apply(client, authorization));
    }

    private Duration backoff(int failures) {
        return settings.retryBase().multipliedBy(1L << Math.min(failures - 1, 6));
    }

    private static void pause(Duration duration, GitHubCall call) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(call.operation() + ": interrupted while waiting to retry", true, e);
        }
    }

    private GitHubApi api() {
        GitHubApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    api = client(settings.apiUrl());
                }
                current = api;
            }
        }
        return current;
    }

    /** The same client where GraphQL sits beside the REST API (github.com), another where it does not (GHES). */
    private GitHubApi graphqlApi() {
        if (settings.graphqlBase().equals(settings.apiUrl())) {
            return api();
        }
        GitHubApi current = graphqlApi;
        if (current == null) {
            synchronized (this) {
                if (graphqlApi == null) {
                    graphqlApi = client(settings.graphqlBase());
                }
                current = graphqlApi;
            }
        }
        return current;
    }

    private GitHubApi client(URI base) {
        return RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                // Closing a PR is a PATCH, which the JDK's HttpURLConnection refuses; Jersey's
                // client (Payara) sends it only with this switch. Other clients ignore it.
                .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
                .register(new InvokedOperation())
                .build(GitHubApi.class);
    }

    private AppJwt appJwt() {
        AppJwt current = appJwt;
        if (current == null) {
            synchronized (this) {
                if (appJwt == null) {
                    try {
                        appJwt = new AppJwt(settings.appId(), AppPrivateKey.parse(settings.privateKey()));
                    } catch (IllegalArgumentException e) {
                        throw new GitHubException(e.getMessage() + " (MERITOCRAB_GITHUB_PRIVATE_KEY)", false, e);
                    }
                }
                current = appJwt;
            }
        }
        return current;
    }
}
