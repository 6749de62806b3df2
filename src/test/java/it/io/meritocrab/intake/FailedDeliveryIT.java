package it.io.meritocrab.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.MeritocrabIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A delivery that cannot be processed is retried with backoff, then parked as failed with its error,
 * where maintainers see it and can send it round again.
 */
class FailedDeliveryIT extends MeritocrabIT {

    /** Valid JSON, but a pull_request event without the pull request. */
    private static final String BROKEN_PULL_REQUEST = "{\"action\":\"opened\",\"number\":3,"
            + "\"repository\":{\"id\":4242,\"full_name\":\"broken/payloads\"},\"installation\":{\"id\":77}}";

    @Test
    void unprocessableDeliveryIsParkedAsFailedWithItsErrorAndCanBeRetried() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("pull_request", deliveryId, BROKEN_PULL_REQUEST).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(
                Inbox.row("SELECT status FROM delivery WHERE delivery_id = ?", deliveryId).get("status")));

        String failed = api.get("/api/deliveries?status=failed&limit=500").body();
        assertThat(failed).contains(deliveryId).contains("pull_request.user");

        Object firstFailure = Inbox.row("SELECT next_attempt_at FROM delivery WHERE delivery_id = ?", deliveryId)
                .get("next_attempt_at");
        HttpResponse<String> retry = api.post("/api/deliveries/" + deliveryId + "/retry", "");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"PENDING\"");
        // The retry is another attempt, which fails again and is recorded anew (the first is not enough).
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.count("SELECT COUNT(*) FROM delivery "
                + "WHERE delivery_id = ? AND status = 'FAILED' AND next_attempt_at > ?", deliveryId, firstFailure) == 1);
        assertThat(Inbox.row("SELECT attempts FROM delivery WHERE delivery_id = ?", deliveryId))
                .containsEntry("attempts", 1);
    }

    @Test
    void failureThatIsNotThePayloadsFaultIsRetriedWithBackoffUntilAttemptsRunOut() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        // A stored delivery whose payload bytes are gone (a bad manual clean-up): every attempt fails,
        // but not because GitHub sent something wrong, so it is retried before it is parked.
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, payload_size, received_at, status, "
                + "attempts, next_attempt_at) VALUES (?, 'issue_comment', 'created', 0, now(), 'PENDING', 0, now())",
                deliveryId);

        await().atMost(Duration.ofSeconds(40)).until(() -> "FAILED".equals(
                Inbox.row("SELECT status FROM delivery WHERE delivery_id = ?", deliveryId).get("status")));

        var delivery = Inbox.row("SELECT attempts, last_error FROM delivery WHERE delivery_id = ?", deliveryId);
        assertThat(delivery).containsEntry("attempts", 3);
        assertThat((String) delivery.get("last_error")).contains("payload");
    }

    @Test
    void retryingADeliveryThatDidNotFailIsAConflict() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        github.send("issue_comment", deliveryId, "{\"action\":\"edited\",\"repository\":{\"id\":1,\"full_name\":\"a/b\"}}");
        Inbox.awaitProcessed(deliveryId);

        assertThat(api.post("/api/deliveries/" + deliveryId + "/retry", "").statusCode()).isEqualTo(409);
        assertThat(api.post("/api/deliveries/no-such-delivery/retry", "").statusCode()).isEqualTo(404);
    }
}
