package it.io.meritocrab.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Track record (`[history]`): a newcomer's first contribution has their public record read from GitHub's
 * GraphQL API (WireMock) after the delivery, and a TRACK_RECORD entry adjusts their starting credit within
 * the bounds; GitHub failing skips it, one record serves every repository for a day, and a repository
 * without `[history]` is not touched.
 */
class TrackRecordIT extends MeritocrabIT {

    private static final Duration AT_MOST = Duration.ofSeconds(15);

    private final WireMockServer gitHubApi = ItEnvironment.github().server();

    @Test
    void aNewAccountWithNoRecordStartsLowerAndASeasonedOneHigherWithinTheBounds() {
        Repo repo = repoWith("[history]\nenabled = true\nmax_bonus = 15\nmax_penalty = 25\n");
        User newcomer = User.human("fresh");
        User seasoned = User.human("veteran");
        record(newcomer, Duration.ofDays(3), List.of(), List.of());
        record(seasoned, Duration.ofDays(2000), merged(30, 99), List.of(closedIn(99)));

        String outcome = opened(repo, newcomer, 1);
        opened(repo, seasoned, 2);

        assertThat(outcome).startsWith("pull request #1 by " + newcomer.login() + ": gate ALLOW");
        JsonObject lower = awaitTrackRecord(repo, newcomer);
        assertThat(lower.getInt("delta")).isEqualTo(-25);
        assertThat(lower.getString("reason")).isEqualTo("record elsewhere on GitHub: account 3 days old, no pull "
                + "request elsewhere in 12 months; starting credit -25 (at most +15, at least -25)");
        JsonObject higher = awaitTrackRecord(repo, seasoned);
        assertThat(higher.getInt("delta")).isEqualTo(15);
        assertThat(higher.getString("reason")).contains("account 2000 days old, 30 merged and 1 closed unmerged");
        assertThat(credit(repo, seasoned) - credit(repo, newcomer)).isEqualTo(40);
    }

    @Test
    void aGitHubFailureSkipsTheAdjustmentAndTheDeliveryIsStillApplied() {
        Repo repo = repoWith("[history]\nenabled = true\n");
        User author = User.human("unlucky");
        gitHubApi.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.login", equalTo(author.login())))
                .willReturn(okJson("{\"data\":null,\"errors\":[{\"type\":\"SERVICE_UNAVAILABLE\","
                        + "\"message\":\"Something went wrong\"}]}")));

        String outcome = opened(repo, author, 1);

        assertThat(outcome).startsWith("pull request #1 by " + author.login() + ": gate ALLOW");
        JsonObject skipped = awaitTrackRecord(repo, author);
        assertThat(skipped.getInt("delta")).isZero();
        assertThat(skipped.getString("reason")).startsWith("record elsewhere on GitHub skipped: GitHub did not answer "
                + "after 2 attempts (").contains("Something went wrong");
        assertThat(graphqlCalls(author)).isEqualTo(2);
        assertThat(Inbox.count("SELECT COUNT(*) FROM history_request h JOIN contributor c ON c.id = h.contributor_id "
                + "WHERE c.repository_id = ?", repo.id())).isZero();
    }

    @Test
    void oneRecordServesEveryRepositoryForADayAndEachLeavesItsOwnPullRequestsOut() {
        Repo first = repoWith("[history]\nenabled = true\n");
        Repo second = repoWith("[history]\nenabled = true\n");
        User author = User.human("traveller");
        List<String> merged = new ArrayList<>(merged(6, first.id()));
        merged.addAll(merged(1, second.id()));
        record(author, Duration.ofDays(400), merged, List.of());

        opened(first, author, 1);
        assertThat(awaitTrackRecord(first, author).getInt("delta")).isEqualTo(2);
        opened(second, author, 1);
        assertThat(awaitTrackRecord(second, author).getInt("delta")).isEqualTo(12);

        assertThat(graphqlCalls(author)).isEqualTo(1);
        // The record was known when the second repository evaluated the pull request: the rules name it.
        assertThat((String) Inbox.row("SELECT reasoning FROM evaluation WHERE repository_id = ?", second.id())
                .get("reasoning")).contains("6 merged pull requests elsewhere in 12 months");
    }

    @Test
    void aRepositoryWithoutHistoryIsUnchanged() {
        Repo repo = GitHubPayloads.newRepo("plain");
        User author = User.human("plain");
        record(author, Duration.ofDays(3), List.of(), List.of());

        opened(repo, author, 1);

        assertThat(Inbox.count("SELECT COUNT(*) FROM history_request h JOIN contributor c ON c.id = h.contributor_id "
                + "WHERE c.repository_id = ?", repo.id())).isZero();
        assertThat(entries(repo, author)).noneMatch(entry -> "TRACK_RECORD".equals(entry.getString("kind")));
        assertThat(graphqlCalls(author)).isZero();
    }

    /** An ordinary pull request, its text unique so that no test's text is taken for one sent around. */
    private String opened(Repo repo, User author, int number) {
        return deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, number, "Translation",
                "Adds a Dutch translation of the settings page (request " + GitHubPayloads.uniqueId() + ").", 40, 0, 1));
    }

    private Repo repoWith(String toml) {
        Repo repo = GitHubPayloads.newRepo("history");
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/contents/.meritocrab.toml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(toml)));
        return repo;
    }

    /** GitHub's GraphQL answer for the user: the account's age and their pull requests (JSON nodes). */
    private void record(User user, Duration age, List<String> merged, List<String> closed) {
        gitHubApi.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.login", equalTo(user.login())))
                .willReturn(okJson("{\"data\":{\"user\":{\"databaseId\":" + user.id() + ",\"login\":\""
                        + user.login() + "\",\"createdAt\":\"" + Instant.now().minus(age) + "\","
                        + "\"merged\":{\"nodes\":[" + String.join(",", merged) + "]},"
                        + "\"closed\":{\"nodes\":[" + String.join(",", closed) + "]}}}}")));
    }

    private static List<String> merged(int count, long repositoryId) {
        return IntStream.range(0, count).mapToObj(i -> node(repositoryId, 10 + i)).toList();
    }

    private static String closedIn(long repositoryId) {
        return node(repositoryId, 20);
    }

    private static String node(long repositoryId, int daysAgo) {
        return "{\"createdAt\":\"" + Instant.now().minus(Duration.ofDays(daysAgo)) + "\",\"repository\":"
                + "{\"databaseId\":" + repositoryId + "}}";
    }

    private int graphqlCalls(User user) {
        return gitHubApi.findAll(postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.login", equalTo(user.login())))).size();
    }

    private JsonObject awaitTrackRecord(Repo repo, User user) {
        return await().atMost(AT_MOST).pollInterval(Duration.ofMillis(200)).until(() -> entries(repo, user).stream()
                .filter(entry -> "TRACK_RECORD".equals(entry.getString("kind"))).findFirst(), Optional::isPresent)
                .get();
    }

    private List<JsonObject> entries(Repo repo, User user) {
        return api.json(repo.apiPath() + "/contributors/" + user.login()).getJsonArray("entries").stream()
                .map(value -> value.asJsonObject()).toList();
    }

    private int credit(Repo repo, User user) {
        return api.json(repo.apiPath() + "/contributors/" + user.login()).getInt("credit");
    }
}
