package it.io.meritocrab.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Http;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 429 with Retry-After: for webhooks failing their signature, per source address (the test server
 * trusts X-Forwarded-For from localhost, so each test is a client of its own); for the admin API, per
 * token; for failed authentications (wrong tokens, wrong local sign-ins), per source address. The limits are the defaults: 30 bad webhooks, 600 API requests and 10 failed authentications a minute, refilled
 * continuously (so a slow sender gets a few more through before the 429).
 */
class RateLimitIT extends MeritocrabIT {

    private static final int UNSIGNED_PER_MINUTE = 30;
    private static final int API_PER_MINUTE = 600;
    private static final int FAILED_AUTHENTICATIONS_PER_MINUTE = 10;

    /** One source address per test: a random one was sometimes another test's, whose budget was spent. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final String address = "198.51.100." + ADDRESSES.incrementAndGet();
    private final Repo repo = GitHubPayloads.newRepo("ratelimit");
    private final byte[] body = GitHubPayloads.issueComment(repo, User.human("limited"), 1, "+1")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void badSignaturesFromOneAddressAreRefusedWith429AfterTheLimit() {
        int unauthorized = 0;
        HttpResponse<String> refused;
        while ((refused = post(address, "sha256=" + "0".repeat(64))).statusCode() == 401 && unauthorized < 100) {
            unauthorized++;
        }

        assertThat(unauthorized).isBetween(UNSIGNED_PER_MINUTE, UNSIGNED_PER_MINUTE + 5);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 60L);
        assertThat(refused.body()).contains("\"error\"");
        assertThat(post(otherAddress(), "sha256=00").statusCode())
                .as("another address has its own budget").isEqualTo(401);
    }

    @Test
    void aCorrectlySignedWebhookIsNeverRefusedByTheLimiter() {
        int sent = 0;
        while (post(address, "sha256=00").statusCode() != 429) {
            assertThat(++sent).as("bad signatures before the 429").isLessThan(100);
        }

        HttpResponse<String> signed = post(address, GitHubWebhooks.sign(body, ItEnvironment.WEBHOOK_SECRET));

        assertThat(signed.statusCode()).isEqualTo(202);
    }

    @Test
    void apiRequestsBeyondTheLimitOfATokenAreRefusedWhileOtherTokensGoOn() {
        String path = "/api/deliveries?status=failed";
        String token = "not-a-token-" + UUID.randomUUID();
        int unauthorized = 0;
        HttpResponse<String> refused;
        // Each address sends fewer wrong tokens than the failed-authentication limit, so only the
        // token's own budget can run out.
        while ((refused = apiGet(path, token, spreadAddress(unauthorized))).statusCode() == 401
                && unauthorized < 2 * API_PER_MINUTE) {
            unauthorized++;
        }

        // About 10 tokens a second come back while the requests are being sent.
        assertThat(unauthorized).isBetween(API_PER_MINUTE, 2 * API_PER_MINUTE - 1);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isPositive();
        assertThat(api.get(path).statusCode()).as("the admin token has its own budget").isEqualTo(200);
    }

    @Test
    void wrongBearerTokensFromOneAddressAreRefusedAfterTheLimitEvenTheRightOne() {
        String path = "/api/deliveries?status=failed";
        int unauthorized = 0;
        HttpResponse<String> refused;
        // A fresh guess each time: a limit keyed on the token would never stop this.
        while ((refused = apiGet(path, "guess-" + UUID.randomUUID(), address)).statusCode() == 401
                && unauthorized < 100) {
            unauthorized++;
        }

        assertThat(unauthorized).isBetween(FAILED_AUTHENTICATIONS_PER_MINUTE, FAILED_AUTHENTICATIONS_PER_MINUTE + 2);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 60L);
        assertThat(apiGet(path, ItEnvironment.ADMIN_TOKEN, address).statusCode())
                .as("the right token from the guessing address").isEqualTo(429);
        assertThat(apiGet(path, ItEnvironment.ADMIN_TOKEN, otherAddress())
                .statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void wrongLocalSignInsFromOneAddressAreRefusedAfterTheLimitEvenTheRightToken() {
        String failed = "";
        int attempts = 0;
        while (!failed.contains("error=too-many-attempts") && attempts < 100) {
            failed = localSignIn("guess-" + UUID.randomUUID(), address);
            attempts++;
        }

        assertThat(attempts).isBetween(FAILED_AUTHENTICATIONS_PER_MINUTE, FAILED_AUTHENTICATIONS_PER_MINUTE + 2);
        assertThat(localSignIn(ItEnvironment.ADMIN_TOKEN, address)).contains("error=too-many-attempts");
        assertThat(localSignIn(ItEnvironment.ADMIN_TOKEN, otherAddress()))
                .endsWith("/console/index.xhtml");
    }

    private HttpResponse<String> apiGet(String path, String token, String from) {
        return Http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", from)
                .GET());
    }

    /** Where a local sign-in from this address is sent: the console, or back to the sign-in with an error. */
    private String localSignIn(String token, String from) {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(base.toString()
                        .replaceAll("/$", "") + "/login/local"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** An address no test has used yet: its budgets are whole. */
    private static String otherAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    private static String spreadAddress(int request) {
        return "10.17." + (request / 5 / 250) + "." + (1 + request / 5 % 250);
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
