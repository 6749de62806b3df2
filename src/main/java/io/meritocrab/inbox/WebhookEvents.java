package io.meritocrab.inbox;

import java.util.Set;

/** The GitHub events the server stores and processes; any other event is acknowledged and dropped. */
public final class WebhookEvents {

    public static final String PING = "ping";
    private static final Set<String> PROCESSED = Set.of(
            "pull_request", "issue_comment", "pull_request_review", "installation", "installation_repositories",
            "push");

    private WebhookEvents() {
    }

    public static boolean processed(String event) {
        return PROCESSED.contains(event);
    }
}
