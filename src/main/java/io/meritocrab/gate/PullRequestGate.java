package io.meritocrab.gate;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.outbox.EnforcementAction;
import io.meritocrab.outbox.OutboxWork;
import io.meritocrab.outbox.ShadowCloseTimers;
import io.meritocrab.scoring.GateDecision;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a newly opened pull request may stay open, on the credit its author had before the
 * PR's own evaluation, and persists the decision as an enforcement action to be carried out on GitHub.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PullRequestGate {

    private static final Logger LOG = Logger.getLogger(PullRequestGate.class.getName());

    @Inject @ConfigProperty(name = "meritocrab.shadow.close.min.delay", defaultValue = "30")
    long shadowCloseMinDelaySeconds;
    @Inject @ConfigProperty(name = "meritocrab.shadow.close.max.delay", defaultValue = "120")
    long shadowCloseMaxDelaySeconds;
    @PersistenceContext
    EntityManager em;
    @Inject
    ShadowCloseTimers timers;
    @Inject
    Event<OutboxWork> outboxWork;

    private final Clock clock = Clock.systemUTC();

    public EnforcementAction decide(Contributor author, long repositoryId, int pullNumber, String deliveryId,
                                    ScoringPolicy policy) {
        GateDecision decision = policy.gate(author.credit(), author.blacklisted());
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
        EnforcementAction action = new EnforcementAction(repositoryId, author.id(), deliveryId, pullNumber,
                decision, author.credit(), policy.prThreshold(), message, dueAt, now);
        em.persist(action);
        if (decision != GateDecision.ALLOW) {
            LOG.info(() -> "delivery=" + deliveryId + " enforcement=" + decision + " action=" + action.id()
                    + " repository=" + repositoryId + " pull=" + pullNumber + " contributor=" + author.id()
                    + " credit=" + author.credit() + " due=" + dueAt);
        }
        if (decision == GateDecision.SHADOW_CLOSE) {
            timers.schedule(action.id(), Duration.between(now, dueAt));
        } else if (decision == GateDecision.CLOSE_BELOW_THRESHOLD) {
            outboxWork.fire(new OutboxWork(action.id()));
        }
        return action;
    }

    /** Uniformly random within [min, max] so a shadow close cannot be told from a maintainer's. */
    long shadowCloseDelaySeconds() {
        long min = Math.max(0, shadowCloseMinDelaySeconds);
        long max = Math.max(min, shadowCloseMaxDelaySeconds);
        return ThreadLocalRandom.current().nextLong(min, max + 1);
    }
}
