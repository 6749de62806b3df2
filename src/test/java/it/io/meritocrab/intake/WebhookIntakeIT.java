package it.io.meritocrab.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /webhooks/github as GitHub and as a forger would use it. */
class WebhookIntakeIT extends MeritocrabIT {

    private final Repo repo = GitHubPayloads.newRepo("intake");
    private final User alice = User.human("alice-" + GitHubPayloads.uniqueId());

    @Test
    void signedDeliveryIsAcceptedStoredAndApplied() {
        String deliveryId = GitHubWebhooks.newDeliveryId();

        HttpResponse<String> answer = github.send("issue_comment", deliveryId,
                GitHubPayloads.issueComment(repo, alice, 4, "+1"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"accepted\"").contains(deliveryId);
        assertThat(storedDeliveries(deliveryId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.json(repo.apiPath() + "/contributors/" + alice.login()).getJsonArray("entries"))
                        .hasSize(1));
    }

    @Test
    void sameDeliveryTwiceIsStoredOnceAndChangesTheLedgerOnce() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        String payload = GitHubPayloads.issueComment(repo, alice, 5, "+1");

        HttpResponse<String> first = github.send("issue_comment", deliveryId, payload);
        HttpResponse<String> second = github.send("issue_comment", deliveryId, payload);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("duplicate");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.json(repo.apiPath() + "/contributors/" + alice.login()).getJsonArray("entries"))
                        .hasSize(1));
        HttpResponse<String> third = github.send("issue_comment", deliveryId, payload);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(storedDeliveries(deliveryId)).isEqualTo(1);
        assertThat(api.json(repo.apiPath() + "/contributors/" + alice.login()).getJsonArray("entries")).hasSize(1);
    }

    @Test
    void wrongSignatureIsRefusedAndNothingIsStored() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        byte[] body = GitHubPayloads.issueComment(repo, alice, 6, "+1").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = github.sendRaw(request(deliveryId, "issue_comment", body)
                .header("X-Hub-Signature-256", GitHubWebhooks.sign(body, "not-the-secret")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(ItEnvironment.WEBHOOK_SECRET);
        assertThat(storedDeliveries(deliveryId)).isZero();
    }

    @Test
    void missingSignatureIsRefused() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        byte[] body = GitHubPayloads.issueComment(repo, alice, 7, "+1").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = github.sendRaw(request(deliveryId, "issue_comment", body));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(storedDeliveries(deliveryId)).isZero();
    }

    @Test
    void bodyChangedAfterSigningIsRefused() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        byte[] signed = GitHubPayloads.issueComment(repo, alice, 8, "+1").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = GitHubPayloads.issueComment(repo, alice, 8, "+2").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = github.sendRaw(request(deliveryId, "issue_comment", tampered)
                .header("X-Hub-Signature-256", GitHubWebhooks.sign(signed, ItEnvironment.WEBHOOK_SECRET)));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(storedDeliveries(deliveryId)).isZero();
    }

    @Test
    void malformedJsonIsABadRequest() {
        String deliveryId = GitHubWebhooks.newDeliveryId();

        HttpResponse<String> answer = github.send("pull_request", deliveryId, "{\"action\": \"opened\", \"number\": ");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("JSON");
        assertThat(storedDeliveries(deliveryId)).isZero();
    }

    @Test
    void bodyOver25MegabytesIsRefusedAsTooLarge() {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        String huge = "{\"action\":\"created\",\"padding\":\"" + "x".repeat(25 * 1024 * 1024) + "\"}";

        HttpResponse<String> answer = github.send("issue_comment", deliveryId, huge);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(storedDeliveries(deliveryId)).isZero();
    }

    @Test
    void unknownEventIsAcknowledgedAndIgnored() {
        String deliveryId = GitHubWebhooks.newDeliveryId();

        HttpResponse<String> answer = github.send("star", deliveryId,
                "{\"action\":\"created\",\"starred_at\":\"2026-11-23T08:00:00Z\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("ignored");
        assertThat(storedDeliveries(deliveryId)).isZero();
    }

    @Test
    void pingIsAnswered() {
        HttpResponse<String> answer = github.send("ping", GitHubPayloads.ping(GitHubPayloads.uniqueId()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("pong");
    }

    @Test
    void missingDeliveryIdIsABadRequest() {
        byte[] body = GitHubPayloads.issueComment(repo, alice, 9, "+1").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = github.sendRaw(HttpRequest.newBuilder(github.endpoint())
                .header("X-GitHub-Event", "issue_comment")
                .header("X-Hub-Signature-256", GitHubWebhooks.sign(body, ItEnvironment.WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("X-GitHub-Delivery");
    }

    /** Found by WebhookFuzzIT: such a delivery failed its whole intake batch, and every delivery in it was answered 503. */
    @ParameterizedTest
    @ValueSource(strings = {"long action", "NUL in action", "long repository name", "NUL in repository name"})
    void aSignedDeliveryWhoseSummaryNoColumnHoldsIsStoredWhole(String oddity) {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        String payload = GitHubPayloads.issueComment(repo, alice, 20, "+1");
        String odd = switch (oddity) {
            case "long action" -> payload.replace("\"action\":\"created\"", "\"action\":\"" + "z".repeat(300) + "\"");
            case "NUL in action" -> payload.replace("\"action\":\"created\"", "\"action\":\"crea\\u0000ted\"");
            case "long repository name" -> payload.replace("\"full_name\":\"" + repo.fullName() + "\"",
                    "\"full_name\":\"" + repo.fullName() + "-" + "r".repeat(300) + "\"");
            default -> payload.replace("\"full_name\":\"" + repo.fullName() + "\"",
                    "\"full_name\":\"" + repo.fullName() + "\\u0000\"");
        };
        assertThat(odd).as("the payload was changed").isNotEqualTo(payload);

        HttpResponse<String> answer = github.send("issue_comment", deliveryId, odd);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ? AND payload_size = ?", deliveryId,
                odd.getBytes(StandardCharsets.UTF_8).length)).isOne();
        await().atMost(Duration.ofSeconds(20)).until(() -> Inbox.count(
                "SELECT COUNT(*) FROM delivery WHERE delivery_id = ? AND status <> 'PENDING'", deliveryId) == 1);
        if (oddity.contains("repository name")) {
            // No repository has such a name on GitHub: parked at its first attempt, not retried to the last.
            assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ? AND status = 'FAILED' "
                    + "AND attempts = 1 AND last_error LIKE '%repository.full_name is not a GitHub name%'", deliveryId))
                    .as("parked at once as not GitHub's").isOne();
        }
    }

    private HttpRequest.Builder request(String deliveryId, String event, byte[] body) {
        return HttpRequest.newBuilder(github.endpoint())
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static int storedDeliveries(String deliveryId) {
        return Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ?", deliveryId);
    }
}
