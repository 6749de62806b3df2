package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meritocrab.metrics.MetricNames;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.MeritocrabIT;
import it.io.meritocrab.support.PrometheusScrape;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /metrics: Prometheus text without a login, counting what the server did. */
class MetricsIT extends MeritocrabIT {

    @Test
    void webhookAnswersProcessingEvaluationsAndCreditAreCounted() {
        PrometheusScrape before = PrometheusScrape.of(base);
        Repo repo = GitHubPayloads.newRepo("metrics");
        String payload = GitHubPayloads.issueComment(repo, User.human("counted"), 1, "+1");
        String deliveryId = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("issue_comment", deliveryId, payload).statusCode()).isEqualTo(202);
        Inbox.awaitProcessed(deliveryId);
        assertThat(github.send("issue_comment", deliveryId, payload).statusCode()).isEqualTo(200);
        assertThat(github.send("watch", "{\"action\":\"started\"}").statusCode()).isEqualTo(200);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        assertThat(github.sendRaw(HttpRequest.newBuilder(github.endpoint())
                .header("X-GitHub-Event", "issue_comment").header("X-GitHub-Delivery", GitHubWebhooks.newDeliveryId())
                .header("X-Hub-Signature-256", GitHubWebhooks.sign(body, "wrong")).header("X-Forwarded-For", "192.0.2.77")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(401);

        PrometheusScrape after = PrometheusScrape.of(base);

        String webhooks = "meritocrab_webhooks_total";
        assertThat(increase(before, after, webhooks, "event=issue_comment", "outcome=accepted")).isEqualTo(1);
        assertThat(increase(before, after, webhooks, "event=issue_comment", "outcome=duplicate")).isEqualTo(1);
        assertThat(increase(before, after, webhooks, "event=other", "outcome=ignored")).isEqualTo(1);
        assertThat(increase(before, after, webhooks, "event=issue_comment", "outcome=rejected")).isEqualTo(1);
        assertThat(increase(before, after, "meritocrab_delivery_attempts_total", "event=issue_comment",
                "outcome=processed")).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "meritocrab_delivery_processing_seconds_count", "event=issue_comment"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.has("meritocrab_delivery_processing_seconds_bucket")).isTrue();
        assertThat(increase(before, after, "meritocrab_evaluations_total", "provider=rules", "outcome=low"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "meritocrab_credit_points_total", "kind=comment_created",
                "direction=loss")).isGreaterThanOrEqualTo(2);
        assertThat(increase(before, after, "meritocrab_credit_changes_total", "kind=comment_created",
                "direction=loss")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void queueGaugesShowThePendingDeliveriesAndTheirAge() {
        String stuck = GitHubWebhooks.newDeliveryId();
        // A delivery received an hour ago whose next attempt is far off: it waits in the queue untouched.
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, payload, payload_size, received_at, status, "
                + "attempts, next_attempt_at) VALUES (?, 'issue_comment', 'created', ?, 2, now() - interval '1 hour', "
                + "'PENDING', 0, now() + interval '1 day')", stuck, "{}".getBytes(StandardCharsets.UTF_8));
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                PrometheusScrape scrape = PrometheusScrape.of(base);
                assertThat(scrape.require("meritocrab_delivery_queue_depth")).isGreaterThanOrEqualTo(1);
                assertThat(scrape.require("meritocrab_delivery_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(3600);
                assertThat(scrape.require("meritocrab_delivery_failed")).isNotNaN().isGreaterThanOrEqualTo(0);
                assertThat(scrape.require("meritocrab_shadow_closes_pending")).isNotNaN().isGreaterThanOrEqualTo(0);
            });
        } finally {
            Inbox.execute("DELETE FROM delivery WHERE delivery_id = ?", stuck);
        }
    }

    @Test
    void gitHubCallsAreCountedAndTimedByOperationAndOutcome() {
        PrometheusScrape before = PrometheusScrape.of(base);
        Repo repo = GitHubPayloads.newRepo("metrics-github");
        // The fourth spam pull request is below the threshold: the server reads, comments and closes on GitHub.
        Enforcement.openSpamPullRequests(this, repo, User.human("caller"), 4);
        Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        PrometheusScrape after = PrometheusScrape.of(base);

        assertThat(after.samples()).anyMatch(line -> line.startsWith("meritocrab_outbound_calls_total{")
                && line.contains("service=\"github\"") && line.contains("outcome=\"success\""));
        assertThat(increase(before, after, "meritocrab_outbound_calls_total", "service=github"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "meritocrab_outbound_call_duration_seconds_count", "service=github"))
                .isGreaterThanOrEqualTo(3);
        assertThat(increase(before, after, "meritocrab_outbound_calls_total", "service=github",
                "operation=updatePullRequest", "outcome=success")).isEqualTo(1);
    }

    @Test
    void everyMetricTheAlertsAndDashboardUseIsExported() {
        gitHubCallsAreCountedAndTimedByOperationAndOutcome();
        triggerOneRateLimit();

        PrometheusScrape scrape = PrometheusScrape.of(base);

        for (String name : MetricNames.PROMETHEUS) {
            String sample = name.endsWith("_seconds") && !name.contains("pending_age") ? name + "_count" : name;
            assertThat(scrape.has(sample)).as(sample).isTrue();
        }
    }

    private void triggerOneRateLimit() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String address = "192.0.2." + (1 + (int) (GitHubPayloads.uniqueId() % 250));
        int status;
        int sent = 0;
        do {
            status = github.sendRaw(HttpRequest.newBuilder(github.endpoint()).header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", GitHubWebhooks.newDeliveryId()).header("X-Forwarded-For", address)
                    .header("X-Hub-Signature-256", "sha256=00").POST(HttpRequest.BodyPublishers.ofByteArray(body)))
                    .statusCode();
        } while (status != 429 && ++sent < 1000);
        assertThat(status).isEqualTo(429);
    }

    /** How much a metric grew; it must be there afterwards (before, a counter not yet used may be absent). */
    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.require(name, labels) - before.value(name, labels);
    }
}
