package it.io.meritocrab.duplicates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Duplicate pull requests (`[duplicates]`): GitHub (WireMock) gives each pull request's diff; the same
 * change from another author, however it is formatted, is evaluated as a duplicate of the earlier one
 * and earns nothing, while a different change, the same author's next pull request, a diff GitHub does
 * not give and a repository without the table are evaluated as usual.
 */
class DuplicatePullRequestsIT extends MeritocrabIT {

    private static final Duration AT_MOST = Duration.ofSeconds(15);
    private static final String CHANGE = """
            diff --git a/src/Parser.java b/src/Parser.java
            index 3b18e51..a9c2f07 100644
            --- a/src/Parser.java
            +++ b/src/Parser.java
            @@ -10,7 +10,8 @@ public class Parser {
                 String read(String text) {
            -        return text.trim();
            +        if (text == null) {
            +            return "";
            +        }
            +        return text.strip();
                 }
             }
            """;
    /** The same change made by someone else: other formatting, other order, on a base that moved. */
    private static final String SAME_CHANGE_REFORMATTED = """
            diff --git a/src/Parser.java b/src/Parser.java
            index 77aa001..0c1d2e3 100644
            --- a/src/Parser.java
            +++ b/src/Parser.java
            @@ -31,6 +31,10 @@ public class Parser {
                 String read(String text) {
            -      return text.trim();
            +      if(text==null){
            +        return "";
            +      }
            +
            +      return text.strip();
                 }
            """;
    private static final String OTHER_CHANGE = CHANGE.replace("return \"\";", "return null;");

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final Repo repo = GitHubPayloads.newRepo("dups");
    private final User alice = User.human("alice-dup");
    private final User bob = User.human("bob-dup");

    @Test
    void theSameChangeReformattedByAnotherAuthorIsADuplicateAndEarnsNothing() {
        configFile("[duplicates]\nenabled = true\n");
        openPullRequest(alice, 1, "Handle a null text in the parser", CHANGE);
        assertThat(awaitEvaluation(1)).containsEntry("provider", "rules");

        String outcome = openPullRequest(bob, 2, "Parser: null input", SAME_CHANGE_REFORMATTED);

        assertThat(outcome).endsWith("evaluated after the duplicate check");
        Map<String, Object> evaluation = awaitEvaluation(2);
        assertThat(evaluation).containsEntry("provider", "duplicates").containsEntry("status", "NOT_APPLIED");
        assertThat(((Number) evaluation.get("proposed_delta")).intValue()).isZero();
        assertThat((String) evaluation.get("reasoning")).startsWith("Duplicate of #1 by @" + alice.login()
                + " (the same change)");
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry l JOIN contributor c ON c.id = l.contributor_id "
                + "WHERE c.repository_id = ? AND c.login = ? AND l.kind = 'PULL_REQUEST_OPENED'", repo.id(),
                bob.login())).isZero();

        ConsoleSession console = new ConsoleSession(base);
        console.signInWithToken(ItEnvironment.ADMIN_TOKEN);
        String page = console.get("/console/duplicates.xhtml?repo=" + repo.fullName()).body();
        assertThat(page).contains("https://github.com/" + repo.fullName() + "/pull/2\">#2</a>")
                .contains("https://github.com/" + repo.fullName() + "/pull/1\">#1</a>")
                .contains("@" + alice.login()).contains("@" + bob.login());
    }

    @Test
    void aDifferentChangeAndTheSameAuthorsNextPullRequestAreEvaluatedAsUsual() {
        configFile("[duplicates]\nenabled = true\nwindow_days = 7\n");
        openPullRequest(alice, 1, "Handle a null text in the parser", CHANGE);
        awaitEvaluation(1);

        openPullRequest(bob, 2, "Parser: null input", OTHER_CHANGE);
        openPullRequest(alice, 3, "Handle a null text, again", SAME_CHANGE_REFORMATTED);

        assertThat(awaitEvaluation(2)).containsEntry("provider", "rules");
        assertThat(awaitEvaluation(3)).containsEntry("provider", "rules");
        assertThat(Inbox.row("SELECT diff_fingerprint FROM pull_request_fingerprint WHERE repository_id = ? "
                + "AND pull_number = 3", repo.id()).get("diff_fingerprint")).isEqualTo(Inbox.row(
                "SELECT diff_fingerprint FROM pull_request_fingerprint WHERE repository_id = ? AND pull_number = 1",
                repo.id()).get("diff_fingerprint"));
    }

    @Test
    void aPullRequestClosedLongerAgoThanTheWindowIsNoLongerDuplicated() {
        configFile("[duplicates]\nenabled = true\nwindow_days = 1\n");
        stubDiff(1, aResponse().withStatus(200).withBody(CHANGE).withFixedDelay(1500));
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, alice, 1, "Handle a null text in the parser",
                "Reading a null text no longer fails.", 4, 1, 1));
        deliver("pull_request", GitHubPayloads.pullRequestClosed(repo, alice, 1, false));
        awaitEvaluation(1);
        assertThat(Inbox.row("SELECT closed_at FROM pull_request_fingerprint WHERE repository_id = ? "
                + "AND pull_number = 1", repo.id()).get("closed_at")).as("closed while its check waited").isNotNull();
        Inbox.execute("UPDATE pull_request_fingerprint SET closed_at = ? WHERE repository_id = ? AND pull_number = 1",
                Timestamp.from(Instant.now().minus(Duration.ofDays(2))), repo.id());

        openPullRequest(bob, 2, "Parser: null input", SAME_CHANGE_REFORMATTED);

        assertThat(awaitEvaluation(2)).containsEntry("provider", "rules");
    }

    @Test
    void whenGitHubDoesNotGiveTheDiffThePullRequestIsEvaluatedAsUsual() {
        configFile("[duplicates]\nenabled = true\n");
        openPullRequest(alice, 1, "Handle a null text in the parser", CHANGE);
        awaitEvaluation(1);
        stubDiff(2, aResponse().withStatus(403).withHeader("Retry-After", "0")
                .withBody("{\"message\":\"API rate limit exceeded\"}"));

        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, bob, 2, "Parser: null input",
                "Returns an empty text for null. " + GitHubPayloads.uniqueId(), 4, 1, 1));

        assertThat(awaitEvaluation(2)).containsEntry("provider", "rules");
        assertThat(diffRequests(2)).as("asked again by the queue").isGreaterThan(4);
    }

    @Test
    void aRepositoryWithoutTheTableIsEvaluatedAsBeforeWithoutReadingDiffs() {
        openPullRequest(alice, 1, "Handle a null text in the parser", CHANGE);
        String outcome = openPullRequest(bob, 2, "Parser: null input", SAME_CHANGE_REFORMATTED);

        assertThat(outcome).doesNotContain("duplicate");
        assertThat(awaitEvaluation(1)).containsEntry("provider", "rules");
        assertThat(awaitEvaluation(2)).containsEntry("provider", "rules");
        assertThat(diffRequests(1) + diffRequests(2)).isZero();
    }

    private String openPullRequest(User author, int number, String title, String diff) {
        stubDiff(number, aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(diff));
        return deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, number, title,
                "Reading a null text no longer fails. " + GitHubPayloads.uniqueId(), 4, 1, 1));
    }

    private void stubDiff(int number, ResponseDefinitionBuilder answer) {
        gitHubApi.stubFor(get(urlPathEqualTo(pullPath(number))).withHeader("Accept", containing("diff"))
                .willReturn(answer));
    }

    private int diffRequests(int number) {
        return gitHubApi.findAll(getRequestedFor(urlPathEqualTo(pullPath(number)))
                .withHeader("Accept", containing("diff"))).size();
    }

    private String pullPath(int number) {
        return "/repos/" + repo.fullName() + "/pulls/" + number;
    }

    private Map<String, Object> awaitEvaluation(int number) {
        String sql = "SELECT provider, status, proposed_delta, reasoning FROM evaluation WHERE repository_id = ? "
                + "AND subject_number = ? AND contribution_kind = 'PULL_REQUEST'";
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100))
                .until(() -> !Inbox.row(sql, repo.id(), number).isEmpty());
        return Inbox.row(sql, repo.id(), number);
    }

    private void configFile(String toml) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/contents/.meritocrab.toml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(toml)));
    }
}
