package it.io.meritocrab.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 429 with Retry-After: for webhooks failing their signature, per source address (the test server
 * trusts X-Forwarded-For from localhost, so each test is a client of its own); for the admin API, per
 * token. The limits are the defaults: 30 bad webhooks and 600 API requests a minute.
 */
class RateLimitIT extends MeritocrabIT {

    private static final int UNSIGNED_PER_MINUTE = 30;
    private static final int API_PER_MINUTE = 600;

    private final String address = "198.51.100." + (1 + GitHubPayloads.uniqueId() % 250);
    private final Repo repo = GitHubPayloads.newRepo("ratelimit");
    private final byte[] body = GitHubPayloads.issueComment(repo, User.human("limited"), 1, "+1")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void badSignaturesFromOneAddressAreRefusedWith429AfterTheLimit() {
        for (int i = 0; i < UNSIGNED_PER_MINUTE; i++) {
            assertThat(post(address, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = post(address, "sha256=" + "0".repeat(64));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 60L);
        assertThat(refused.body()).contains("\"error\"");
        assertThat(post("203.0.113." + (1 + GitHubPayloads.uniqueId() % 250), "sha256=00").statusCode())
                .as("another address has its own budget").isEqualTo(401);
    }

    @Test
    void aCorrectlySignedWebhookIsNeverRefusedByTheLimiter() {
        for (int i = 0; i <= UNSIGNED_PER_MINUTE; i++) {
            post(address, "sha256=00");
        }
        assertThat(post(address, "sha256=00").statusCode()).isEqualTo(429);

        HttpResponse<String> signed = post(address, GitHubWebhooks.sign(body, ItEnvironment.WEBHOOK_SECRET));

        assertThat(signed.statusCode()).isEqualTo(202);
    }

    @Test
    void apiRequestsBeyondTheLimitOfATokenAreRefusedWhileOtherTokensGoOn() {
        String path = repo.apiPath() + "/contributors";
        String token = "not-a-token-" + UUID.randomUUID();
        for (int i = 0; i < API_PER_MINUTE; i++) {
            assertThat(api.getWithToken(path, token).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = api.getWithToken(path, token);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isPositive();
        assertThat(api.get(path).statusCode()).as("the admin token has its own budget").isEqualTo(200);
    }

    private HttpResponse<String> post(String from, String signature) {
        return github.sendRaw(HttpRequest.newBuilder(github.endpoint())
                .header("X-GitHub-Event", "issue_comment")
                .header("X-GitHub-Delivery", GitHubWebhooks.newDeliveryId())
                .header("X-Hub-Signature-256", signature)
                .header("X-Forwarded-For", from)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
