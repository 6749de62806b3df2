package io.meritocrab.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Queues a reply on an issue or pull request in the transaction of the delivery that asked for it;
 * the outbox worker posts it after the commit (once per delivery, however often GitHub delivers it).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GitHubReplies {

    @PersistenceContext
    EntityManager em;
    @Inject
    Event<OutboxWork> outboxWork;

    public void enqueue(long repositoryId, int issueNumber, String deliveryId, String body) {
        GitHubReply reply = new GitHubReply(repositoryId, issueNumber, deliveryId, body, Instant.now());
        em.persist(reply);
        outboxWork.fire(new OutboxWork(reply.id()));
    }
}
