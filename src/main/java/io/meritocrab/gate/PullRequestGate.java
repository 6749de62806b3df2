package io.meritocrab.gate;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.outbox.GitHubOutbox;
import io.meritocrab.outbox.ShadowCloseTimers;
import io.meritocrab.scoring.GateDecision;
import io.meritocrab.scoring.ScoringPolicy;
import io.meritocrab.shared.SharedLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Decides whether a newly opened pull request may stay open, on the credit its author had before the
 * PR's own evaluation, and queues the decision in {@link GitHubOutbox} as an enforcement action to be
 * carried out on GitHub after the commit (a shadow close when its {@link ShadowCloseTimers} timer fires).
 * A contributor on the installation's shared deny list ({@link SharedLists}) is shadow-closed like a
 * blacklisted one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PullRequestGate {

    private static final Logger LOG = Logger.getLogger(PullRequestGate.class.getName());

    @Inject
    GateSettings settings;
    @Inject
    GitHubOutbox outbox;
    @Inject
    ShadowCloseTimers timers;
    @Inject
    SharedLists sharedLists;

    private final Clock clock = Clock.systemUTC();

    public GateDecision decide(Contributor author, long repositoryId, int pullNumber, String deliveryId,
                                    ScoringPolicy policy) {
        // Denied on the installation's shared list: handled exactly as blacklisted, so nothing tells them apart.
        boolean shadowed = author.blacklisted() || sharedLists.denies(repositoryId, author.userId());
        GateDecision decision = policy.gate(author.credit(), shadowed);
        Instant now = clock.instant();
        String message = switch (decision) {
            case ALLOW -> null;
            case CLOSE_BELOW_THRESHOLD -> GateMessages.belowThreshold(author.login(), author.credit(),
                    policy.prThreshold());
            case SHADOW_CLOSE -> GateMessages.SHADOW_CLOSE;
        };
        Instant dueAt = switch (decision) {
            case ALLOW -> null;
            case CLOSE_BELOW_THRESHOLD -> now;
            case SHADOW_CLOSE -> now.plusSeconds(shadowCloseDelaySeconds());
        };
        long action = outbox.queueAction(repositoryId, author.id(), deliveryId, pullNumber, decision, author.credit(),
                policy.prThreshold(), message, dueAt, now);
        if (decision != GateDecision.ALLOW) {
            LOG.info(() -> "delivery=" + deliveryId + " enforcement=" + decision + " action=" + action
                    + " repository=" + repositoryId + " pull=" + pullNumber + " contributor=" + author.id()
                    + " credit=" + author.credit() + " due=" + dueAt);
        }
        if (decision == GateDecision.SHADOW_CLOSE) {
            timers.schedule(action, Duration.between(now, dueAt));
        }
        return decision;
    }

    /** Uniformly random within [min, max] so a shadow close cannot be told from a maintainer's. */
    long shadowCloseDelaySeconds() {
        long min = Math.max(0, settings.shadowCloseMinDelaySeconds());
        long max = Math.max(min, settings.shadowCloseMaxDelaySeconds());
        return ThreadLocalRandom.current().nextLong(min, max + 1);
    }
}
