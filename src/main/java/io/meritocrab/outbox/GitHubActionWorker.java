package io.meritocrab.outbox;

import io.meritocrab.platform.SchemaReady;
import io.meritocrab.platform.WorkerThreads;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works through the GitHub outbox: due enforcement actions (closes at once; shadow closes once their
 * timer fired) and command replies. Each poll is also the sweep that retries failed attempts and takes
 * over leases of a server that died.
 */
@ApplicationScoped
public class GitHubActionWorker {

    private static final Logger LOG = Logger.getLogger(GitHubActionWorker.class.getName());
    private static final int BATCH = 10;

    @Inject
    OutboxSettings settings;
    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    GitHubOutbox outbox;
    @Inject
    EnforcementRunner enforcement;
    @Inject
    ReplyRunner replies;
    @Inject
    OutboxSignal signal;

    private final WorkerThreads workers = new WorkerThreads();
    private volatile boolean running;

    void start(@Observes SchemaReady ready) {
        running = true;
        workers.start(threadFactory, "meritocrab-github-actions", settings.workerCount(), i -> this::work);
    }

    /** Runs a shadow close whose timer just fired, here and now if no other server has it. */
    public void runNow(long actionId) {
        for (OutboxClaim claim : outbox.claimAction(actionId)) {
            enforcement.run(claim);
        }
    }

    private void work() {
        long seen = signal.generation();
        while (running) {
            int done = 0;
            try {
                for (OutboxClaim claim : outbox.claimDueActions(BATCH)) {
                    enforcement.run(claim);
                    done++;
                }
                for (OutboxClaim claim : outbox.claimDueReplies(BATCH)) {
                    replies.run(claim);
                    done++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "GitHub action worker: " + e.getMessage(), e);
            }
            if (done == 0) {
                try {
                    seen = signal.await(seen, settings.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.wake();
        workers.join(Duration.ofSeconds(15));
    }
}
