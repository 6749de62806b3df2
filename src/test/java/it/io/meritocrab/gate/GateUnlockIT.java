package it.io.meritocrab.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue work unlocks the gate (`[gate] unlock`, `/credit invite`): a below-threshold contributor's pull
 * request that closes an accepted issue, or follows an invite, is let through once; GitHub (WireMock)
 * says whom the issue is assigned to and how it is labelled.
 */
class GateUnlockIT extends MeritocrabIT {

    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final Repo repo = GitHubPayloads.newRepo("unlock");
    private final User author = User.human("newcomer");
    private final User maintainer = User.human("keeper");

    @BeforeEach
    void roles() {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/" + maintainer.login()
                + "/permission")).willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"maintain\"}")));
    }

    @Test
    void anAssignedIssueLetsExactlyOneBelowThresholdPullRequestThrough() {
        configFile("[gate]\nunlock = [\"assigned\"]\n");
        issue(12, "[{\"login\":\"" + author.login() + "\"}]", "[]");
        Enforcement.openSpamPullRequests(this, repo, author, 3);

        openPullRequest(4, "Fixes #12\n\nAn empty configuration is no longer an error.");
        assertThat(Enforcement.awaitAction(repo, 4, AT_MOST)).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "SKIPPED").containsEntry("outcome", "ALLOW_UNLOCKED by #12");
        openPullRequest(5, "Also fixes #12: the same case in the other parser.");

        assertThat(Enforcement.awaitAction(repo, 5, AT_MOST)).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 4)).isEmpty();
        assertThat(Enforcement.writesAbout(repo, 5)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/5/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/5");
    }

    @Test
    void anIssueAssignedToSomeoneElseDoesNotUnlock() {
        configFile("[gate]\nunlock = [\"assigned\"]\n");
        issue(20, "[{\"login\":\"someone-else\"}]", "[]");
        Enforcement.openSpamPullRequests(this, repo, author, 3);

        openPullRequest(4, "Closes #20");

        assertThat(Enforcement.awaitAction(repo, 4, AT_MOST)).containsEntry("status", "DONE")
                .containsEntry("outcome", "commented and closed");
    }

    @Test
    void withoutUnlockInTheFileAnAssignedIssueDoesNotUnlock() {
        issue(12, "[{\"login\":\"" + author.login() + "\"}]", "[]");
        Enforcement.openSpamPullRequests(this, repo, author, 3);

        openPullRequest(4, "Fixes #12");

        assertThat(Enforcement.awaitAction(repo, 4, AT_MOST)).containsEntry("status", "DONE");
        assertThat(gitHubApi.findAll(getRequestedFor(
                urlPathEqualTo("/repos/" + repo.fullName() + "/issues/12")))).as("issue not read").isEmpty();
    }

    @Test
    void aLabelledIssueLetsExactlyOneBelowThresholdPullRequestThrough() {
        configFile("[gate]\nunlock = [\"label:good first PR\"]\n");
        issue(21, "[]", "[{\"name\":\"Good First PR\"},{\"name\":\"bug\"}]");
        issue(22, "[]", "[{\"name\":\"bug\"}]");
        Enforcement.openSpamPullRequests(this, repo, author, 3);

        openPullRequest(4, "Resolves #22, resolves #21");
        assertThat(Enforcement.awaitAction(repo, 4, AT_MOST)).containsEntry("status", "SKIPPED")
                .containsEntry("outcome", "ALLOW_UNLOCKED by #21");
        openPullRequest(5, "Resolves #21");

        assertThat(Enforcement.awaitAction(repo, 5, AT_MOST)).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "DONE");
    }

    @Test
    void anInviteLetsExactlyOneBelowThresholdPullRequestThrough() {
        Enforcement.openSpamPullRequests(this, repo, author, 3);

        String reply = command(30, "/credit invite @" + author.login());
        assertThat(reply).startsWith("@" + author.login() + " is invited: their next pull request below the credit "
                + "threshold stays open, once, if opened before ");
        assertThat(command(31, "/credit check @" + author.login())).contains("- Invited until ");
        openPullRequest(4, "Handles the empty configuration.");
        assertThat(Enforcement.awaitAction(repo, 4, AT_MOST)).containsEntry("status", "SKIPPED")
                .containsEntry("outcome", "ALLOW_UNLOCKED by invite from @" + maintainer.login());
        openPullRequest(5, "Handles the empty configuration in the other parser.");

        assertThat(Enforcement.awaitAction(repo, 5, AT_MOST)).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 4)).isEmpty();
        assertThat(command(32, "/credit check @" + author.login())).doesNotContain("Invited");
    }

    @Test
    void aBlacklistedContributorIsNeverUnlocked() {
        configFile("[gate]\nunlock = [\"assigned\"]\n");
        issue(12, "[{\"login\":\"" + author.login() + "\"}]", "[]");
        openPullRequest(1, "A first small fix.");
        command(30, "/credit invite @" + author.login());
        command(31, "/credit blacklist @" + author.login());

        openPullRequest(2, "Fixes #12");

        Map<String, Object> action = Enforcement.awaitAction(repo, 2,
                Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MAX_DELAY + 15));
        assertThat(action).containsEntry("decision", "SHADOW_CLOSE").containsEntry("status", "DONE");
        assertThat(Inbox.count("SELECT COUNT(*) FROM gate_unlock u JOIN contributor c ON c.id = u.contributor_id "
                + "WHERE c.repository_id = ? AND u.used_by_pull IS NOT NULL", repo.id())).isZero();
    }

    private void openPullRequest(int number, String body) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/pulls/" + number))
                .willReturn(okJson(Json.createObjectBuilder().add("state", "open").add("merged", false)
                        .add("body", body).build().toString())));
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, number, "Handle empty configuration",
                body, 4, 1, 1));
    }

    private void issue(int number, String assignees, String labels) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/issues/" + number))
                .willReturn(okJson("{\"number\":" + number + ",\"state\":\"open\",\"assignees\":" + assignees
                        + ",\"labels\":" + labels + "}")));
    }

    private void configFile(String toml) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/contents/.meritocrab.toml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(toml)));
    }

    /** A maintainer's command on issue {@code number}; returns the bot's reply. */
    private String command(int number, String body) {
        deliver("issue_comment", GitHubPayloads.issueComment(repo, maintainer, number, body));
        await().atMost(AT_MOST).until(() -> !replies(number).isEmpty());
        List<LoggedRequest> replies = replies(number);
        assertThat(replies).hasSize(1);
        return Json.createReader(new StringReader(replies.get(0).getBodyAsString())).readObject().getString("body");
    }

    private List<LoggedRequest> replies(int number) {
        return gitHubApi.findAll(postRequestedFor(urlPathEqualTo("/repos/" + repo.fullName() + "/issues/" + number
                + "/comments")));
    }
}
