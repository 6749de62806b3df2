package io.meritocrab.events;

import io.meritocrab.inbox.Payload;
import io.meritocrab.inbox.StoredDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends a stored delivery to the handler of its event; returns a short outcome for the inbox. */
@ApplicationScoped
public class DeliveryRouter {

    @Inject
    PullRequestEvents pullRequests;
    @Inject
    CommentEvents comments;
    @Inject
    ReviewEvents reviews;
    @Inject
    InstallationEvents installations;
    @Inject
    PushEvents pushes;

    public String route(StoredDelivery delivery) {
        String action = delivery.action() == null ? "" : delivery.action();
        return switch (delivery.event()) {
            case "pull_request" -> pullRequests.handle(delivery, action, Payload.parse(delivery.payload()));
            case "issue_comment" -> comments.handle(delivery, action, Payload.parse(delivery.payload()));
            case "pull_request_review" -> reviews.handle(delivery, action, Payload.parse(delivery.payload()));
            case "installation", "installation_repositories" ->
                    installations.handle(delivery.event(), action, Payload.parse(delivery.payload()));
            case "push" -> pushes.handle(Payload.parse(delivery.payload()));
            default -> "ignored: event " + delivery.event();
        };
    }
}
