package io.meritocrab.outbox;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.GitHubSettings;
import io.meritocrab.github.PullRequestState;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.scoring.GateDecision;
import io.meritocrab.unlock.GateUnlocks;
import io.meritocrab.unlock.Unlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out one leased enforcement action on GitHub: privileged authors bypass the gate (a failed
 * permission check counts as not privileged), a PR closed meanwhile is left alone, a below-threshold PR
 * that {@link GateUnlocks} lets through once is left open, otherwise the action's comment is posted
 * (once) and the PR closed.
 */
@ApplicationScoped
public class EnforcementRunner {

    private static final Logger LOG = Logger.getLogger(EnforcementRunner.class.getName());
    static final String NO_INSTALLATION = "no installation of the GitHub App serves the repository "
            + "(its deliveries carry no installation)";

    @Inject
    GitHubOutbox outbox;
    @Inject
    GitHubClient github;
    @Inject
    GateExemptions exemptions;
    @Inject
    GateUnlocks unlocks;
    @Inject
    GitHubSettings settings;
    @Inject
    OutboxBackoff backoff;

    public void run(OutboxClaim claim) {
        PendingAction action = outbox.action(claim.id());
        String subject = action.repositoryName() + "#" + action.pullNumber();
        if (!settings.appConfigured()) {
            finish(claim, action, ActionStatus.FAILED, "the GitHub App is not configured "
                    + "(MERITOCRAB_GITHUB_APP_ID, MERITOCRAB_GITHUB_PRIVATE_KEY)");
            return;
        }
        if (action.installationId() == null) {
            // A repository webhook (not the App's) names no installation: nothing can be done on GitHub.
            finish(claim, action, ActionStatus.FAILED, NO_INSTALLATION);
            return;
        }
        if (!action.served()) {
            finish(claim, action, ActionStatus.SKIPPED, "repository no longer served by the App");
            return;
        }
        RepositoryRef repository = action.repository();
        try {
            String exemption = exemptions.exemption(repository, action.repositoryId(), action.authorLogin(),
                    action.authorUserId());
            if (exemption != null) {
                finish(claim, action, ActionStatus.SKIPPED, exemption);
                return;
            }
            if (exemptions.observing(action.repositoryId())) {
                finish(claim, action, ActionStatus.OBSERVED, wouldHave(action));
                return;
            }
            PullRequestState state = github.pullRequestState(repository, action.pullNumber());
            if (!state.open()) {
                finish(claim, action, ActionStatus.SKIPPED, state.merged() ? "already merged" : "already closed");
                return;
            }
            if (action.decision() == GateDecision.CLOSE_BELOW_THRESHOLD) {
                Optional<Unlock> unlock = unlocks.unlock(repository, action.repositoryId(), action.contributorId(),
                        action.authorLogin(), action.pullNumber(), state.body());
                if (unlock.isPresent()) {
                    finish(claim, action, ActionStatus.SKIPPED, unlock.get().reason());
                    return;
                }
            }
            if (!action.commented()) {
                // After an attempt whose outcome is unknown, the comment may be there already.
                if (claim.attempt() == 1 || !github.hasComment(repository, action.pullNumber(), action.message())) {
                    github.comment(repository, action.pullNumber(), action.message());
                }
                outbox.commented(claim);
            }
            github.closePullRequest(repository, action.pullNumber());
            finish(claim, action, ActionStatus.DONE, "commented and closed");
        } catch (GitHubException e) {
            if (e.retryable()) {
                Instant next = backoff.next(claim.attempt(), e, Instant.now());
                LOG.log(Level.WARNING, "enforcement action {0} ({1} on {2}) attempt {3} failed, retrying at {4}: {5}",
                        new Object[] {action.id(), action.decision(), subject, claim.attempt(), next, e.getMessage()});
                outbox.retryAction(claim, next, e.getMessage());
            } else {
                finish(claim, action, ActionStatus.FAILED, e.getMessage());
            }
        }
    }

    private void finish(OutboxClaim claim, PendingAction action, ActionStatus status, String outcome) {
        outbox.finishAction(claim, status, outcome);
        LOG.info(() -> "delivery=" + action.deliveryId() + " enforcement action " + action.id() + " ("
                + action.decision() + " on "
                + action.repositoryName() + "#" + action.pullNumber() + "): " + status + ", " + outcome);
    }

    private static String wouldHave(PendingAction action) {
        return action.decision() == GateDecision.SHADOW_CLOSE
                ? "would shadow-close: contributor is blacklisted"
                : "would close: credit " + action.credit() + " < " + action.threshold();
    }
}
