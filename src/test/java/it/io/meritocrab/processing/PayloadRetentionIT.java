package it.io.meritocrab.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention job (every 2 s in the tests) drops old processed payloads and nothing else. */
class PayloadRetentionIT extends MeritocrabIT {

    @Test
    void payloadsOfDeliveriesProcessedLongAgoAreDroppedAndTheLedgerIsKept() {
        Repo repo = GitHubPayloads.newRepo("retention");
        User reviewer = User.human("veteran");
        String old = GitHubWebhooks.newDeliveryId();
        String recent = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("pull_request_review", old, GitHubPayloads.reviewSubmitted(repo, reviewer,
                User.human("author"), 1)).statusCode()).isEqualTo(202);
        assertThat(github.send("pull_request_review", recent, GitHubPayloads.reviewSubmitted(repo, reviewer,
                User.human("author"), 2)).statusCode()).isEqualTo(202);
        Inbox.awaitProcessed(old);
        Inbox.awaitProcessed(recent);
        String pendingOld = GitHubWebhooks.newDeliveryId();
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, payload, payload_size, received_at, status, "
                + "attempts, next_attempt_at) VALUES (?, 'issue_comment', 'created', ?, 2, now() - interval '40 days', "
                + "'FAILED', 8, now() - interval '40 days')", pendingOld, "{}".getBytes());

        Inbox.execute("UPDATE delivery SET received_at = now() - interval '31 days', processed_at = now() - interval "
                + "'31 days' WHERE delivery_id = ?", old);
        Inbox.execute("UPDATE delivery SET processed_at = now() - interval '29 days' WHERE delivery_id = ?", recent);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> Inbox.row("SELECT payload FROM delivery WHERE delivery_id = ?", old).get("payload") == null);
        assertThat(Inbox.row("SELECT status, outcome, payload_size FROM delivery WHERE delivery_id = ?", old))
                .containsEntry("status", "PROCESSED").doesNotContainEntry("outcome", null);
        assertThat(Inbox.row("SELECT payload FROM delivery WHERE delivery_id = ?", recent).get("payload")).isNotNull();
        assertThat(Inbox.row("SELECT payload FROM delivery WHERE delivery_id = ?", pendingOld).get("payload"))
                .as("a failed delivery keeps its payload for a retry").isNotNull();
        JsonObject contributor = api.json(repo.apiPath() + "/contributors/" + reviewer.login());
        assertThat(contributor.getJsonArray("entries")).hasSize(2)
                .anySatisfy(entry -> assertThat(entry.asJsonObject().getString("deliveryId")).isEqualTo(old));
        Inbox.execute("DELETE FROM delivery WHERE delivery_id = ?", pendingOld);
    }
}
