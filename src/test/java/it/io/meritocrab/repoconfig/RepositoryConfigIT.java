package it.io.meritocrab.repoconfig;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubStub;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-repository `.meritocrab.toml`, read from GitHub (played by WireMock) through the App's
 * installation: it changes the repository's scoring, an invalid file keeps the last valid one, a push
 * that touches the file reloads it, and GitHub failing leaves the configuration in force alone.
 */
class RepositoryConfigIT extends MeritocrabIT {

    private static final String LOWER_COMMENT_SCORES = """
            # Content-free comments cost more here.
            mode = "observe"
            trusted = ["release-bot-owner", "@widget-core"]

            [comment]
            low = -7
            """;

    private final Repo repo = GitHubPayloads.newRepo("config");
    private final WireMockServer gitHub = ItEnvironment.github().server();

    @AfterEach
    void forgetStubs() {
        gitHub.removeStubsByMetadata(matchingJsonPath("$.repository", equalTo(repo.fullName())));
    }

    @Test
    void theFileOnGitHubChangesTheRepositorysScoring() {
        serveFile(LOWER_COMMENT_SCORES);

        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("bob"), 3, "+1"));

        assertThat(credit("bob")).isEqualTo(93);
        JsonObject config = config();
        assertThat(config.getString("file")).isEqualTo("LOADED");
        assertThat(config.getString("mode")).isEqualTo("OBSERVE");
        assertThat(config.getJsonArray("trusted").getValuesAs(JsonString::getString))
                .containsExactly("release-bot-owner", "@widget-core");
        assertThat(config.getJsonObject("policy").getJsonObject("comment").getInt("low")).isEqualTo(-7);
        assertThat(setting(config, "comment.low")).containsEntry("value", "-7").containsEntry("source", "FILE");
        assertThat(setting(config, "comment.spam")).containsEntry("value", "-10").containsEntry("source", "SERVER_DEFAULT");
        assertThat(config.getString("blobSha")).hasSize(40);
        assertThat(config.get("lastError")).isEqualTo(JsonValue.NULL);
        Map<String, Object> stored = Inbox.row("SELECT file_text, blob_sha, loaded_at FROM repository_config "
                + "WHERE repository_id = ?", repo.id());
        assertThat(stored).containsEntry("file_text", LOWER_COMMENT_SCORES)
                .containsEntry("blob_sha", config.getString("blobSha"));
        assertThat(fileReads()).isEqualTo(1);
        assertThat(gitHub.findAll(getRequestedFor(urlPathEqualTo(filePath()))).get(0).getHeader("Authorization"))
                .isEqualTo("token " + GitHubStub.INSTALLATION_TOKEN);
    }

    @Test
    void theOriginalsExampleFileIsAppliedAndAMergedPullRequestEarnsItsOwnClassificationsValue() throws IOException {
        String example;
        try (InputStream in = getClass().getResourceAsStream("/original/meritocrab.toml.example")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        serveFile(example.replace("acceptable = 20     # Standard merged PR bonus",
                "acceptable = 12     # Standard merged PR bonus"));
        User dana = User.human("dana");

        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, dana, 5, "Great offer",
                "Check out my site https://bit.ly/deal1 and https://cheap-casino.example/win and "
                        + "https://tinyurl.com/free now buy crypto airdrop", 2, 0, 1));
        assertThat(Inbox.row("SELECT classification FROM evaluation WHERE repository_id = ? AND subject_number = 5",
                repo.id())).containsEntry("classification", "SPAM");
        deliver("pull_request", GitHubPayloads.pullRequestClosed(repo, dana, 5, true));
        deliver("pull_request", GitHubPayloads.pullRequestClosed(repo, dana, 6, true));

        JsonObject detail = api.json(repo.apiPath() + "/contributors/dana");
        assertThat(detail.getInt("credit")).isEqualTo(100 - 25 + 0 + 12);
        assertThat(detail.getJsonArray("entries").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("kind") + " " + e.getInt("delta") + " " + e.getString("reason"))
                .startsWith("PULL_REQUEST_MERGED 12 pull request #6 merged (classified acceptable)",
                        "PULL_REQUEST_MERGED 0 pull request #5 merged (classified spam)");
        JsonObject config = config();
        assertThat(config.getString("file")).isEqualTo("LOADED");
        assertThat(config.getJsonArray("warnings")).isEmpty();
        assertThat(setting(config, "pr_merged.acceptable")).containsEntry("value", "12").containsEntry("source", "FILE");
    }

    @Test
    void aRepositoryWithoutTheFileUsesTheServerDefaults() {
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("carol"), 3, "+1"));

        assertThat(credit("carol")).isEqualTo(98);
        assertThat(config().getString("file")).isEqualTo("NO_FILE");
        assertThat(config().getString("mode")).isEqualTo("ENFORCE");
    }

    @Test
    void aPushTouchingTheFileOnTheDefaultBranchReloadsItAndOtherPushesDoNot() {
        serveFile(LOWER_COMMENT_SCORES);
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("dave"), 3, "+1"));
        assertThat(credit("dave")).isEqualTo(93);
        serveFile("[comment]\nlow = -4\n");
        User maintainer = User.human("maintainer");

        assertThat(deliver("push", GitHubPayloads.push(repo, maintainer, "feature", ".meritocrab.toml")))
                .isEqualTo("push to refs/heads/feature: configuration unchanged");
        assertThat(deliver("push", GitHubPayloads.push(repo, maintainer, "main", "README.md", "docs/.meritocrab.toml")))
                .isEqualTo("push to refs/heads/main: configuration unchanged");
        assertThat(fileReads()).isEqualTo(1);
        assertThat(config().getJsonObject("policy").getJsonObject("comment").getInt("low")).isEqualTo(-7);

        assertThat(deliver("push", GitHubPayloads.push(repo, maintainer, "main", "src/Main.java", ".meritocrab.toml")))
                .isEqualTo("push to refs/heads/main: .meritocrab.toml changed, configuration reload requested");

        awaitConfig(config -> config.getJsonObject("policy").getJsonObject("comment").getInt("low") == -4);
        assertThat(fileReads()).isEqualTo(2);
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("erin"), 3, "+1"));
        assertThat(credit("erin")).isEqualTo(96);
    }

    @Test
    void anInvalidFileKeepsTheLastValidConfigurationAndTheErrorIsKept() {
        serveFile(LOWER_COMMENT_SCORES);
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("frank"), 3, "+1"));
        String validSha = config().getString("blobSha");
        serveFile("mode = \"observe\"\n[comment]\nlow = \"a lot\"\n");

        deliver("push", GitHubPayloads.push(repo, User.human("maintainer"), "main", ".meritocrab.toml"));

        JsonObject config = awaitConfig(c -> c.getBoolean("errorInForce"));
        assertThat(config.getString("lastError")).isEqualTo(".meritocrab.toml is invalid:\n"
                + "line 3: comment.low must be an integer, not a string");
        assertThat(config.getString("lastErrorAt")).isNotBlank();
        assertThat(config.getString("file")).isEqualTo("LOADED");
        assertThat(config.getString("blobSha")).isEqualTo(validSha);
        assertThat(Inbox.row("SELECT file_text, last_error FROM repository_config WHERE repository_id = ?", repo.id()))
                .containsEntry("file_text", LOWER_COMMENT_SCORES)
                .containsEntry("last_error", config.getString("lastError"));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("grace"), 3, "+1"));
        assertThat(credit("grace")).isEqualTo(93);
    }

    @Test
    void aHostileFileIsRecordedAsInvalidOnceAndNotFetchedAgainOnEveryEvent() {
        serveFile("trusted = " + "[".repeat(1000) + "]".repeat(1000) + "\n");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("henry"), 3, "+1"));
        assertThat(credit("henry")).as("the server defaults apply").isEqualTo(98);
        JsonObject config = awaitConfig(c -> c.get("lastError") != JsonValue.NULL);
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("henry"), 4, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("henry"), 5, "+1"));

        assertThat(config.getString("lastError")).isEqualTo(".meritocrab.toml is invalid:\n"
                + "line 1: arrays and tables are nested more than 16 deep");
        assertThat(config.getBoolean("errorInForce")).isTrue();
        assertThat(fileReads()).as("read once, not on every event").isEqualTo(1);

        serveFile("starting_credit = " + "9".repeat(60_000) + "\n");
        deliver("push", GitHubPayloads.push(repo, User.human("maintainer"), "main", ".meritocrab.toml"));

        assertThat(awaitConfig(c -> c.getString("lastError").contains("number")).getString("lastError"))
                .isEqualTo(".meritocrab.toml is invalid:\nline 1: a number of more than 64 characters");
    }

    @Test
    void gitHubFailingLeavesTheServerDefaultsOrTheLastValidFileInForce() {
        failFileReads();
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("heidi"), 3, "+1"));

        assertThat(credit("heidi")).isEqualTo(98);
        JsonObject unreachable = config();
        assertThat(unreachable.getString("file")).isEqualTo("NOT_LOADED");
        assertThat(unreachable.getString("githubError")).contains("403");
        assertThat(unreachable.get("lastError")).isEqualTo(JsonValue.NULL);

        serveFile(LOWER_COMMENT_SCORES);
        deliver("push", GitHubPayloads.push(repo, User.human("maintainer"), "main", ".meritocrab.toml"));
        awaitConfig(c -> "LOADED".equals(c.getString("file")));
        assertThat(config().get("githubError")).isEqualTo(JsonValue.NULL);

        failFileReads();
        deliver("push", GitHubPayloads.push(repo, User.human("maintainer"), "main", ".meritocrab.toml"));
        JsonObject config = awaitConfig(c -> c.get("githubError") != JsonValue.NULL);
        assertThat(config.getString("file")).isEqualTo("LOADED");
        assertThat(config.get("lastError")).isEqualTo(JsonValue.NULL);
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("ivan"), 3, "+1"));
        assertThat(credit("ivan")).isEqualTo(93);
    }

    @Test
    void aStoredConfigurationIsUsedWithoutAskingGitHubUntilItIsDue() {
        // What a restarted server, or another one sharing the database, finds: a row and nothing in memory.
        storeRow(LOWER_COMMENT_SCORES, Instant.now().plus(Duration.ofHours(1)));
        serveFile("[comment]\nlow = -4\n");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("judy"), 3, "+1"));

        assertThat(credit("judy")).isEqualTo(93);
        assertThat(config().getString("file")).isEqualTo("LOADED");
        assertThat(fileReads()).isZero();
    }

    @Test
    void aStaleStoredConfigurationIsServedAtOnceAndRefreshedInTheBackground() {
        storeRow(LOWER_COMMENT_SCORES, Instant.now().minus(Duration.ofMinutes(1)));
        serveFile("[comment]\nlow = -4\n");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("ken"), 3, "+1"));

        assertThat(credit("ken")).isEqualTo(93);
        awaitConfig(c -> c.getJsonObject("policy").getJsonObject("comment").getInt("low") == -4);
        assertThat(fileReads()).isEqualTo(1);
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("liz"), 3, "+1"));
        assertThat(credit("liz")).isEqualTo(96);
    }

    @Test
    void theConfigurationIsForTheAdminOnlyAndOfKnownRepositories() {
        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("mallory"), 3, "+1"));

        assertThat(api.getWithToken(repo.apiPath() + "/config", null).statusCode()).isEqualTo(401);
        assertThat(api.getWithToken(repo.apiPath() + "/config", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/repos/nobody-" + repo.id() + "/nothing/config").statusCode()).isEqualTo(404);
    }

    private void storeRow(String text, Instant nextCheck) {
        Inbox.execute("INSERT INTO repository_config (repository_id, file_text, blob_sha, loaded_at, next_check_at, "
                + "generation, revision) VALUES (?, ?, NULL, ?, ?, 0, 1)", repo.id(), text, Timestamp.from(Instant.now()),
                Timestamp.from(nextCheck));
    }

    private String filePath() {
        return "/repos/" + repo.fullName() + "/contents/.meritocrab.toml";
    }

    private void serveFile(String text) {
        gitHub.stubFor(get(urlPathEqualTo(filePath())).withMetadata(Map.of("repository", repo.fullName()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(text)));
    }

    /** The App lacks the Contents permission: GitHub refuses, which is no fault of the file. */
    private void failFileReads() {
        gitHub.stubFor(get(urlPathEqualTo(filePath())).withMetadata(Map.of("repository", repo.fullName()))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Resource not accessible by integration\"}")));
    }

    private int fileReads() {
        return gitHub.findAll(getRequestedFor(urlPathEqualTo(filePath()))).size();
    }

    private JsonObject config() {
        return api.json(repo.apiPath() + "/config");
    }

    private JsonObject awaitConfig(Predicate<JsonObject> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(this::config, condition::test);
    }

    private int credit(String login) {
        return api.json(repo.apiPath() + "/contributors/" + login).getInt("credit");
    }

    private static Map<String, String> setting(JsonObject config, String key) {
        return config.getJsonArray("settings").getValuesAs(JsonObject.class).stream()
                .filter(s -> key.equals(s.getString("key")))
                .map(s -> Map.of("value", s.getString("value"), "source", s.getString("source")))
                .findFirst().orElseThrow(() -> new AssertionError("no setting " + key + " in " + config));
    }
}
