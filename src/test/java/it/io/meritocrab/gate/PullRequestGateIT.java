package it.io.meritocrab.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubStub;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PR gate carried out on GitHub (played by WireMock): closes, bypasses and shadow closes. */
class PullRequestGateIT extends MeritocrabIT {

    private static final String SHADOW_TEXT = "Thank you for your contribution. Unfortunately, we are unable to "
            + "accept this pull request at this time.";

    private final Repo repo = GitHubPayloads.newRepo("gate");

    private static String belowThresholdText(String login) {
        return "Hi @" + login + ", thank you for your interest in contributing!\n\n"
                + "This repository asks contributors to build up their credit before opening pull requests. "
                + "Your current credit is 25, and opening a pull request needs at least 50.\n\n"
                + "You can earn credit by taking part in issues and discussions with helpful, substantive comments "
                + "and by reviewing pull requests. Once your credit reaches 50, you are welcome to open this pull "
                + "request again.";
    }

    @Test
    void pullRequestBelowThresholdGetsTheExplanationThenIsClosed() {
        User author = User.human("lowcredit");
        Enforcement.openSpamPullRequests(this, repo, author, 4);

        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("decision", "CLOSE_BELOW_THRESHOLD").containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 4)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/4/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/4");
        List<LoggedRequest> requests = Enforcement.requestsAbout(repo, 4);
        LoggedRequest comment = requests.stream().filter(r -> r.getMethod().getName().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(bodyField(comment, "body")).isEqualTo(belowThresholdText(author.login()));
        assertThat(comment.getHeader("Authorization")).isEqualTo("token " + GitHubStub.INSTALLATION_TOKEN);
        LoggedRequest close = requests.stream().filter(r -> r.getMethod().getName().equals("PATCH")).findFirst()
                .orElseThrow();
        assertThat(bodyField(close, "state")).isEqualTo("closed");
        // Writes of one installation are spaced out (0.3 s in the tests, 1 s by default).
        assertThat(Duration.between(comment.getLoggedDate().toInstant(), close.getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        // Pull requests that passed the gate were left alone.
        assertThat(Enforcement.writesAbout(repo, 1)).isEmpty();
        assertThat(Enforcement.writesAbout(repo, 3)).isEmpty();
    }

    @Test
    void authorWithWriteAccessBypassesTheGate() {
        User author = User.human("committer");
        stubRole(author, "write");
        Enforcement.openSpamPullRequests(this, repo, author, 4);

        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("status", "SKIPPED").containsEntry("outcome", "author has write access");
        assertThat(Enforcement.writesAbout(repo, 4)).isEmpty();
    }

    @Test
    void failedPermissionCheckMeansNotPrivileged() {
        User author = User.human("unknowable");
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo(permissionPath(author)))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Resource not accessible by integration\"}")));
        Enforcement.openSpamPullRequests(this, repo, author, 4);

        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 4)).hasSize(2);
    }

    @Test
    void blacklistedAuthorsPullRequestIsShadowClosedAfterTheDelayWithTheGenericText() {
        User author = User.human("blacklisted");
        Enforcement.openSpamPullRequests(this, repo, author, 4);
        Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, 5, "Fix typo", "Small fix.", 1, 1, 1));
        assertThat(Enforcement.action(repo, 5)).containsEntry("decision", "SHADOW_CLOSE")
                .containsEntry("status", "PENDING");
        assertThat(Enforcement.writesAbout(repo, 5)).isEmpty();

        Map<String, Object> action = Enforcement.awaitAction(repo, 5,
                Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MAX_DELAY + 15));

        assertThat(action).containsEntry("status", "DONE");
        // The timer is the wake-up at the due time; the outbox's own poll may take the action first.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Enforcement.action(repo, 5).get("timer_fired_at")).as("timer fired").isNotNull());
        assertThat(Enforcement.writesAbout(repo, 5)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/5/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/5");
        LoggedRequest comment = Enforcement.requestsAbout(repo, 5).stream()
                .filter(r -> r.getMethod().getName().equals("POST")).findFirst().orElseThrow();
        assertThat(bodyField(comment, "body")).isEqualTo(SHADOW_TEXT);
        Duration waited = Duration.between(((Timestamp) action.get("created_at")).toInstant(),
                comment.getLoggedDate().toInstant());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MIN_DELAY));
    }

    @Test
    void shadowCloseLeavesAPullRequestClosedMeanwhileAlone() {
        User author = User.human("gone");
        Enforcement.openSpamPullRequests(this, repo, author, 4);
        Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/pulls/5"))
                .willReturn(okJson("{\"state\":\"closed\",\"merged\":false}")));

        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, 5, "Fix typo", "Small fix.", 1, 1, 1));
        Map<String, Object> action = Enforcement.awaitAction(repo, 5,
                Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MAX_DELAY + 15));

        assertThat(action).containsEntry("status", "SKIPPED").containsEntry("outcome", "already closed");
        assertThat(Enforcement.writesAbout(repo, 5)).isEmpty();
    }

    private void stubRole(User user, String role) {
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo(permissionPath(user)))
                .willReturn(okJson("{\"permission\":\"" + ("maintain".equals(role) ? "write" : role)
                        + "\",\"role_name\":\"" + role + "\"}")));
    }

    private String permissionPath(User user) {
        return "/repos/" + repo.fullName() + "/collaborators/" + user.login() + "/permission";
    }

    static String bodyField(LoggedRequest request, String field) {
        return Json.createReader(new StringReader(request.getBodyAsString())).readObject().getString(field);
    }
}
