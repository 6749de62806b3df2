package io.meritocrab.outbox;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Shadow closes wait on persistent EJB timers: created in the transaction that decides the close (so
 * the timer exists exactly when the decision does), kept in the database through restarts, and fired
 * by one server of the cluster. The timer only wakes a server: {@link GitHubOutbox} owns the action's
 * due time, so when the timer fires the action is run at once unless a server already holds it, and a
 * lost or late timer delays nothing beyond the outbox worker's poll; if GitHub fails, the worker retries.
 */
@Stateless
public class ShadowCloseTimers {

    private static final Logger LOG = Logger.getLogger(ShadowCloseTimers.class.getName());

    @Resource
    TimerService timerService;
    @Inject
    GitHubOutbox outbox;
    @Inject
    GitHubActionWorker worker;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void schedule(long actionId, Duration delay) {
        timerService.createSingleActionTimer(delay.toMillis(), new TimerConfig(actionId, true));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        long actionId = (Long) timer.getInfo();
        if (outbox.timerFired(actionId)) {
            LOG.info(() -> "shadow close " + actionId + ": timer fired");
        }
        worker.runNow(actionId);
    }
}
