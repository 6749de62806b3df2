package io.meritocrab.github;

import java.time.Instant;

/** One attempt of GitHub to deliver a webhook to the App, from the App's delivery log. */
public record HookDelivery(long id, String guid, Instant deliveredAt, boolean redelivery, int statusCode,
                           String event, String action) {

    public boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }
}
