package it.io.meritocrab.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubStub;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the server behaves toward GitHub when GitHub misbehaves: rate limits, errors, timeouts, expiring
 * tokens and a GitHub that keeps failing. Each test closes a below-threshold pull request (#4).
 */
class GitHubResilienceIT extends MeritocrabIT {

    private final Repo repo = GitHubPayloads.newRepo("resilience");
    private final User author = User.human("newcomer");
    private final WireMockServer github = ItEnvironment.github().server();

    @Test
    void rateLimitAnswerWithRetryAfterIsWaitedOut() {
        String comments = "/repos/" + repo.fullName() + "/issues/4/comments";
        github.stubFor(post(urlPathEqualTo(comments)).inScenario(repo.fullName()).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"))
                .willSetStateTo("waited"));
        github.stubFor(post(urlPathEqualTo(comments)).inScenario(repo.fullName()).whenScenarioStateIs("waited")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":7}")));

        Map<String, Object> action = closeBelowThreshold();

        assertThat(action).containsEntry("status", "DONE");
        List<LoggedRequest> posts = sorted(github.findAll(postRequestedFor(urlPathEqualTo(comments))));
        assertThat(posts).hasSize(2);
        assertThat(Duration.between(posts.get(0).getLoggedDate().toInstant(), posts.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        String pull = "/repos/" + repo.fullName() + "/pulls/4";
        github.stubFor(patch(urlPathEqualTo(pull)).inScenario(repo.fullName()).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
        github.stubFor(patch(urlPathEqualTo(pull)).inScenario(repo.fullName()).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        github.stubFor(patch(urlPathEqualTo(pull)).inScenario(repo.fullName()).whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"state\":\"closed\"}")));

        Map<String, Object> action = closeBelowThreshold();

        assertThat(action).containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 4)).containsExactly(
                "POST " + "/repos/" + repo.fullName() + "/issues/4/comments",
                "PATCH " + pull, "PATCH " + pull, "PATCH " + pull);
    }

    @Test
    void callThatTimesOutIsRetried() {
        String pull = "/repos/" + repo.fullName() + "/pulls/4";
        github.stubFor(get(urlPathEqualTo(pull)).inScenario(repo.fullName()).whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"state\":\"open\",\"merged\":false}").withFixedDelay(3_000))
                .willSetStateTo("fast"));
        github.stubFor(get(urlPathEqualTo(pull)).inScenario(repo.fullName()).whenScenarioStateIs("fast")
                .willReturn(okJson("{\"state\":\"open\",\"merged\":false}")));

        Map<String, Object> action = closeBelowThreshold();

        assertThat(action).containsEntry("status", "DONE");
        assertThat(github.findAll(getRequestedFor(urlPathEqualTo(pull)))).hasSize(2);
    }

    @Test
    void installationTokenIsRenewedWhenItIsAboutToExpire() throws Exception {
        String tokens = "/app/installations/" + repo.installationId() + "/access_tokens";
        github.stubFor(post(urlPathEqualTo(tokens)).inScenario(repo.fullName()).whenScenarioStateIs(STARTED)
                .willReturn(token("ghs_expiring", Instant.now().plus(4, ChronoUnit.MINUTES)))
                .willSetStateTo("renewed"));
        github.stubFor(post(urlPathEqualTo(tokens)).inScenario(repo.fullName()).whenScenarioStateIs("renewed")
                .willReturn(token("ghs_renewed", Instant.now().plus(1, ChronoUnit.HOURS))));

        Map<String, Object> action = closeBelowThreshold();

        assertThat(action).containsEntry("status", "DONE");
        List<LoggedRequest> tokenRequests = github.findAll(postRequestedFor(urlPathEqualTo(tokens)));
        assertThat(tokenRequests).hasSize(2);
        List<String> used = sorted(github.findAll(anyRequestedFor(urlPathMatching("/repos/" + repo.fullName() + "/.*"))))
                .stream().map(r -> r.getHeader("Authorization")).toList();
        assertThat(used).first().isEqualTo("token ghs_expiring");
        assertThat(used).last().isEqualTo("token ghs_renewed");
        for (LoggedRequest request : tokenRequests) {
            SignedJWT jwt = SignedJWT.parse(request.getHeader("Authorization").substring("Bearer ".length()));
            assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(jwt.verify(new RSASSAVerifier(ItEnvironment.github().appPublicKey()))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(GitHubStub.APP_ID);
            Instant issued = jwt.getJWTClaimsSet().getIssueTime().toInstant();
            Instant expires = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
            Instant sent = request.getLoggedDate().toInstant();
            assertThat(Duration.between(issued, sent)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(70));
            assertThat(Duration.between(issued, expires)).isLessThanOrEqualTo(Duration.ofMinutes(10));
            assertThat(expires).isAfter(sent);
        }
    }

    @Test
    void revokedTokenIsRenewedOnceAndTheCallRepeated() {
        String tokens = "/app/installations/" + repo.installationId() + "/access_tokens";
        String comments = "/repos/" + repo.fullName() + "/issues/4/comments";
        github.stubFor(post(urlPathEqualTo(tokens)).inScenario("token " + repo.fullName())
                .whenScenarioStateIs(STARTED).willReturn(token("ghs_revoked", Instant.now().plus(1, ChronoUnit.HOURS)))
                .willSetStateTo("second"));
        github.stubFor(post(urlPathEqualTo(tokens)).inScenario("token " + repo.fullName())
                .whenScenarioStateIs("second").willReturn(token("ghs_fresh", Instant.now().plus(1, ChronoUnit.HOURS))));
        github.stubFor(post(urlPathEqualTo(comments)).withHeader("Authorization", equalTo("token ghs_revoked"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Bad credentials\"}")));

        Map<String, Object> action = closeBelowThreshold();

        assertThat(action).containsEntry("status", "DONE");
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo(tokens)))).hasSize(2);
        assertThat(sorted(github.findAll(postRequestedFor(urlPathEqualTo(comments)))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("token ghs_revoked", "token ghs_fresh");
    }

    @Test
    void failingGitHubOpensTheCircuitAndTheActionCompletesOnceGitHubRecovers() {
        String pull = "/repos/" + repo.fullName() + "/pulls/4";
        github.stubFor(get(urlPathEqualTo(pull)).willReturn(aResponse().withStatus(500)));
        Enforcement.openSpamPullRequests(this, repo, author, 4);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                String.valueOf(Enforcement.action(repo, 4).get("last_error")).contains("circuit breaker open"));
        int callsWhileOpen = github.findAll(getRequestedFor(urlPathEqualTo(pull))).size();
        github.stubFor(get(urlPathEqualTo(pull)).willReturn(okJson("{\"state\":\"open\",\"merged\":false}")));

        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(30));

        assertThat(action).containsEntry("status", "DONE");
        assertThat(callsWhileOpen).as("calls that reached GitHub before the circuit opened").isBetween(1, 6);
        assertThat(Enforcement.writesAbout(repo, 4)).hasSize(2);
    }

    private Map<String, Object> closeBelowThreshold() {
        Enforcement.openSpamPullRequests(this, repo, author, 4);
        return Enforcement.awaitAction(repo, 4, Duration.ofSeconds(30));
    }

    private static ResponseDefinitionBuilder token(String value, Instant expires) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"token\":\"" + value + "\",\"expires_at\":\"" + expires.truncatedTo(ChronoUnit.SECONDS)
                        + "\"}");
    }

    private static List<LoggedRequest> sorted(List<LoggedRequest> requests) {
        return requests.stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }
}
