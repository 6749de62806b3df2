package it.io.meritocrab.redelivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler reads the App's delivery log (two pages) and asks GitHub to redeliver exactly the
 * deliveries that failed and that the server does not have, once each.
 */
class RedeliveryIT extends MeritocrabIT {

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void restoreTheEmptyLog() {
        stubs.forEach(gitHubApi::removeStub);
    }

    @Test
    void onlyDeliveriesThatFailedAndNeverArrivedAreRedeliveredOnce() {
        long base = GitHubPayloads.uniqueId();
        String received = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("pull_request_review", received, GitHubPayloads.reviewSubmitted(
                GitHubPayloads.newRepo("redelivery"), GitHubPayloads.User.human("r"), GitHubPayloads.User.human("a"),
                1)).statusCode()).isEqualTo(202);
        Instant now = Instant.now();
        String missed = "missed-" + base;
        String recovered = "recovered-" + base;
        String fine = "fine-" + base;
        String tooOld = "old-" + base;
        String missedOnPageTwo = "page2-" + base;
        JsonArrayBuilder pageOne = Json.createArrayBuilder()
                .add(entry(base + 1, missed, now.minus(5, ChronoUnit.MINUTES), 0, false))
                .add(entry(base + 2, missed, now.minus(10, ChronoUnit.MINUTES), 502, false))
                .add(entry(base + 3, recovered, now.minus(20, ChronoUnit.MINUTES), 202, true))
                .add(entry(base + 4, recovered, now.minus(30, ChronoUnit.MINUTES), 504, false))
                .add(entry(base + 5, fine, now.minus(40, ChronoUnit.MINUTES), 202, false))
                .add(entry(base + 6, received, now.minus(50, ChronoUnit.MINUTES), 0, false));
        JsonArrayBuilder pageTwo = Json.createArrayBuilder()
                .add(entry(base + 7, missedOnPageTwo, now.minus(30, ChronoUnit.HOURS), 500, false))
                .add(entry(base + 8, tooOld, now.minus(80, ChronoUnit.HOURS), 500, false));
        String next = ItEnvironment.github().url() + "/app/hook/deliveries?per_page=100&cursor=v1_page2";
        stubs.add(gitHubApi.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).atPriority(2)
                .willReturn(okJson(pageOne.build().toString()).withHeader("Link", "<" + next + ">; rel=\"next\""))));
        stubs.add(gitHubApi.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).withQueryParam("cursor", equalTo("v1_page2"))
                .atPriority(1).willReturn(okJson(pageTwo.build().toString()))));
        stubs.add(gitHubApi.stubFor(post(urlPathMatching("/app/hook/deliveries/\\d+/attempts"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> attempts().size() >= 2);
        // The reconciler reads the log three more times (each run starts at page one): nothing is asked for twice.
        int runs = logReads();
        await().atMost(Duration.ofSeconds(60)).until(() -> logReads() >= runs + 3);

        assertThat(attempts()).containsExactlyInAnyOrder(
                "/app/hook/deliveries/" + (base + 1) + "/attempts",
                "/app/hook/deliveries/" + (base + 7) + "/attempts");
        assertThat(gitHubApi.findAll(postRequestedFor(urlPathMatching("/app/hook/deliveries/\\d+/attempts"))))
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).startsWith("Bearer ey"));
    }

    /** Reads of the delivery log's first page, one per run of the reconciler. */
    private int logReads() {
        return (int) gitHubApi.findAll(getRequestedFor(urlPathEqualTo("/app/hook/deliveries"))).stream()
                .filter(request -> !request.getUrl().contains("cursor=")).count();
    }

    private List<String> attempts() {
        return gitHubApi.findAll(postRequestedFor(urlPathMatching("/app/hook/deliveries/\\d+/attempts"))).stream()
                .map(request -> request.getUrl()).toList();
    }

    private static JsonObject entry(long id, String guid, Instant at, int status, boolean redelivery) {
        return Json.createObjectBuilder().add("id", id).add("guid", guid)
                .add("delivered_at", at.truncatedTo(ChronoUnit.SECONDS).toString()).add("redelivery", redelivery)
                .add("duration", 0.27).add("status", status == 0 ? "Invalid HTTP Response: 0" : "OK")
                .add("status_code", status).add("event", "pull_request").add("action", "opened")
                .add("installation_id", 1).add("repository_id", 2).build();
    }
}
