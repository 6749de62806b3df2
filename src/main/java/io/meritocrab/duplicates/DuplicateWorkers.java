package io.meritocrab.duplicates;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.platform.SchemaReady;
import io.meritocrab.platform.WorkerThreads;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Threads that take pull requests from the duplicate check queue ({@link DuplicateChecks}), ask GitHub
 * for the diff outside any transaction, and hand its fingerprint to {@link DuplicateVerdicts}. A diff
 * GitHub does not give, after the queue's retries, only leaves the change out of the check: the pull
 * request is still compared by its text and evaluated, never lost or held up for good.
 */
@ApplicationScoped
public class DuplicateWorkers {

    private static final Logger LOG = Logger.getLogger(DuplicateWorkers.class.getName());
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);

    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    DuplicateChecks checks;
    @Inject
    DuplicateVerdicts verdicts;
    @Inject
    DuplicateCheckSignal signal;
    @Inject
    DuplicatesSettings settings;
    @Inject
    GitHubClient github;

    private final WorkerThreads workers = new WorkerThreads();
    private volatile boolean running;

    void start(@Observes SchemaReady ready) {
        running = true;
        workers.start(threadFactory, "meritocrab-duplicates", settings.workers(), i -> this::workUntilStopped);
    }

    private void workUntilStopped() {
        // A check put back for a retry is due before the next poll when the retry delay is short.
        Duration idle = settings.retryDelay().compareTo(IDLE_POLL) < 0 ? settings.retryDelay() : IDLE_POLL;
        long seen = signal.generation();
        while (running) {
            try {
                Optional<DuplicateCheck> leased = checks.leaseNext(settings.lease());
                if (leased.isPresent()) {
                    handle(leased.get());
                } else {
                    seen = signal.await(seen, idle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Duplicate worker failed; the check is taken up again when its lease ends", e);
                WorkerThreads.sleepQuietly(IDLE_POLL);
            }
        }
    }

    private void handle(DuplicateCheck check) throws Exception {
        String diffFingerprint = null;
        if (check.attempt() > settings.maxAttempts()) {
            // Leases that ran out (a server died on this check) used up the attempts: no more asking.
            withoutDiff(check, "gave up after " + settings.maxAttempts() + " attempts");
        } else {
            try {
                diffFingerprint = diffFingerprint(check).orElse(null);
            } catch (GitHubException e) {
                Optional<Duration> retry = retryAfter(e, check.attempt(), settings.maxAttempts(), settings.retryDelay());
                if (retry.isPresent()) {
                    checks.postpone(check, retry.get(), e.getMessage());
                    return;
                }
                withoutDiff(check, e.getMessage());
            } catch (RuntimeException e) {
                withoutDiff(check, e.toString());
            }
        }
        verdicts.record(check, diffFingerprint);
    }

    private static void withoutDiff(DuplicateCheck check, String why) {
        LOG.warning(() -> "pull request #" + check.number() + " of " + check.subject().contribution().repository()
                + " is checked for duplicates without its diff: " + why);
    }

    /** The diff's fingerprint; empty when GitHub has no diff, or one larger than the configured size. */
    private Optional<String> diffFingerprint(DuplicateCheck check) {
        if (check.installationId() == null) {
            return Optional.empty();
        }
        int max = settings.maxDiffBytes();
        // A few bytes beyond the limit tell a diff that fits from one that was cut.
        Optional<String> diff = github.pullRequestDiff(new RepositoryRef(check.installationId(),
                check.subject().contribution().repository()), check.number(), max + 4);
        return diff.filter(text -> text.getBytes(StandardCharsets.UTF_8).length <= max).flatMap(DiffFingerprint::of);
    }

    /**
     * When to ask GitHub again after it failed: after the retry delay (or the wait GitHub asked for, if
     * longer but within ten retry delays), while attempts remain; empty to go on without the diff.
     */
    static Optional<Duration> retryAfter(GitHubException failure, int attempt, int maxAttempts, Duration retryDelay) {
        if (!failure.retryable() || attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        if (asked.compareTo(retryDelay.multipliedBy(10)) > 0) {
            return Optional.empty();
        }
        return Optional.of(asked.compareTo(retryDelay) > 0 ? asked : retryDelay);
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.wake();
        workers.join(Duration.ofSeconds(10));
    }
}
