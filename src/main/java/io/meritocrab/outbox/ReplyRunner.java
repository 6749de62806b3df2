package io.meritocrab.outbox;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Posts one leased reply to a `/credit` command. */
@ApplicationScoped
public class ReplyRunner {

    private static final Logger LOG = Logger.getLogger(ReplyRunner.class.getName());

    @Inject
    GitHubOutbox outbox;
    @Inject
    GitHubClient github;
    @Inject
    OutboxBackoff backoff;

    public void run(OutboxClaim claim) {
        PendingReply reply = outbox.reply(claim.id());
        if (reply.installationId() == null || !reply.served()) {
            outbox.finishReply(claim, ActionStatus.SKIPPED, "repository no longer served by the App");
            return;
        }
        try {
            if (claim.attempt() == 1 || !github.hasComment(reply.repository(), reply.issueNumber(), reply.body())) {
                github.comment(reply.repository(), reply.issueNumber(), reply.body());
            }
            outbox.finishReply(claim, ActionStatus.DONE, null);
        } catch (GitHubException e) {
            if (e.retryable()) {
                Instant next = backoff.next(claim.attempt(), e, Instant.now());
                LOG.log(Level.WARNING, "reply {0} on {1}#{2} failed, retrying at {3}: {4}",
                        new Object[] {reply.id(), reply.repositoryName(), reply.issueNumber(), next, e.getMessage()});
                outbox.retryReply(claim, next, e.getMessage());
            } else {
                outbox.finishReply(claim, ActionStatus.FAILED, e.getMessage());
            }
        }
    }
}
