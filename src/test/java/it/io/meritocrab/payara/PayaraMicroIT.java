package it.io.meritocrab.payara;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.OriginalMeritocrab;
import it.io.meritocrab.support.PayaraMicro;
import it.io.meritocrab.support.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same WAR on Payara Micro 6 (src/main/payara/run.sh) on PostgreSQL, with WireMock playing
 * GitHub: the portable set of what users rely on, from intake to the console, and a shadow close that
 * survives a restart of the server. The restart comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "meritocrab.it.runtime", matches = "payara",
        disabledReason = "runs in the payara-tests execution, whose server is Payara Micro")
class PayaraMicroIT {

    private static final String SHADOW_TEXT = "Thank you for your contribution. Unfortunately, we are unable to "
            + "accept this pull request at this time.";

    private final GitHubWebhooks github = new GitHubWebhooks(PayaraMicro.base(), ItEnvironment.WEBHOOK_SECRET);
    private final AdminApi api = new AdminApi(PayaraMicro.base(), ItEnvironment.ADMIN_TOKEN);

    @BeforeAll
    static void startPayaraMicro() {
        PayaraMicro.start();
    }

    @Test
    @Order(1)
    void signedWebhookReachesTheLedgerThroughTheApi() {
        Repo repo = GitHubPayloads.newRepo("payara");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, User.human("newcomer"), 1, "+1"));

        JsonObject contributor = api.json(repo.apiPath() + "/contributors/newcomer");
        assertThat(contributor.getInt("credit")).isEqualTo(98);
        Ledgers.assertConsistent(contributor, 100);
    }

    @Test
    @Order(1)
    void intakeRefusesWhatGitHubWouldNotSendAndTakesADeliveryOnce() {
        Repo repo = GitHubPayloads.newRepo("payara-intake");
        String payload = GitHubPayloads.issueComment(repo, User.human("twice"), 1, "Works for me on 2.3.");
        String deliveryId = GitHubWebhooks.newDeliveryId();
        HttpRequest.Builder unsigned = HttpRequest.newBuilder(github.endpoint())
                .header("X-GitHub-Event", "issue_comment").header("X-GitHub-Delivery", GitHubWebhooks.newDeliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(payload));

        assertThat(github.sendRaw(unsigned).statusCode()).as("no signature").isEqualTo(401);
        assertThat(github.send("issue_comment", GitHubWebhooks.newDeliveryId(), "{\"action\":").statusCode())
                .as("malformed JSON").isEqualTo(400);
        assertThat(github.send("issue_comment", GitHubWebhooks.newDeliveryId(),
                "{\"action\":\"created\",\"padding\":\"" + "x".repeat(25 * 1024 * 1024) + "\"}").statusCode())
                .as("over 25 MB").isEqualTo(413);
        assertThat(github.send("issue_comment", deliveryId, payload).statusCode()).isEqualTo(202);
        Inbox.awaitProcessed(deliveryId);
        HttpResponse<String> again = github.send("issue_comment", deliveryId, payload);
        assertThat(again.statusCode()).as("duplicate").isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(api.json(repo.apiPath() + "/contributors/twice").getJsonArray("entries")).hasSize(1);
    }

    @Test
    @Order(1)
    void belowThresholdPullRequestIsClosedOnGitHubWithTheExplanation() {
        Repo repo = GitHubPayloads.newRepo("payara-gate");
        User author = User.human("lowcredit");
        openSpamPullRequests(repo, author, 4);

        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(30));

        assertThat(action).containsEntry("decision", "CLOSE_BELOW_THRESHOLD").containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 4)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/4/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/4");
        assertThat(commentBody(repo, 4)).contains("Your current credit is 25");
    }

    @Test
    @Order(1)
    void blacklistedAuthorsPullRequestIsShadowClosedAfterTheDelay() {
        Repo repo = GitHubPayloads.newRepo("payara-shadow");
        User author = User.human("blacklisted");
        openSpamPullRequests(repo, author, 4);
        Enforcement.awaitAction(repo, 4, Duration.ofSeconds(30));

        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, 5, "Fix typo", "Small fix.", 1, 1, 1));
        assertThat(Enforcement.action(repo, 5)).containsEntry("decision", "SHADOW_CLOSE");
        Map<String, Object> action = Enforcement.awaitAction(repo, 5,
                Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MAX_DELAY + 30));

        assertThat(action).containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(repo, 5)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/5/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/5");
        assertThat(commentBody(repo, 5)).isEqualTo(SHADOW_TEXT);
        assertThat(Duration.between(((Timestamp) action.get("created_at")).toInstant(),
                ((Timestamp) action.get("completed_at")).toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MIN_DELAY));
    }

    @Test
    @Order(1)
    void creditCheckByAMaintainerIsAnsweredOnGitHub() {
        Repo repo = GitHubPayloads.newRepo("payara-commands");
        User maintainer = User.human("maintainer");
        User contributor = User.human("contributor");
        stubRole(repo, maintainer, "maintain");
        stubRole(repo, contributor, "read");
        deliver("pull_request_review", GitHubPayloads.reviewSubmitted(repo, contributor, User.human("author"), 1));

        deliver("issue_comment", GitHubPayloads.issueComment(repo, maintainer, 10, "/credit check @" + contributor.login()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !replies(repo, 10).isEmpty());
        assertThat(replies(repo, 10)).hasSize(1);
        assertThat(commentBody(repo, 10)).contains("- Credit: 105").contains("- Role: read")
                .doesNotContainIgnoringCase("blacklist");
    }

    @Test
    @Order(1)
    void consoleSignInPageAndAnAuthorisedApiCall() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(PayaraMicro.base() + "console/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        ConsoleSession browser = new ConsoleSession(PayaraMicro.base());
        HttpResponse<String> signedIn = browser.signInWithToken(ItEnvironment.ADMIN_TOKEN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("admin token");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(browser.get("/console/index.xhtml").body()).contains("Signed in as <strong>local-admin</strong>");
        assertThat(api.get("/api/deliveries?status=failed").statusCode()).isEqualTo(200);
        assertThat(api.getWithToken("/api/deliveries?status=failed", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/deliveries?status=failed").statusCode()).as("with the console's session")
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void aContributorSignsInWithGitHubAndSeesOnlyTheirOwnPage() {
        Repo repo = GitHubPayloads.newRepo("payara-own");
        User contributor = User.human("own-" + GitHubPayloads.uniqueId());
        deliver("issue_comment", GitHubPayloads.issueComment(repo, contributor, 1, "+1"));
        ConsoleSession browser = new ConsoleSession(PayaraMicro.base());

        HttpResponse<String> signedIn = browser.signInWithGitHub(contributor.login(), contributor.id(),
                "/login/github?to=me");

        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/me.xhtml");
        HttpResponse<String> me = browser.get("/me");
        assertThat(me.statusCode()).isEqualTo(302);
        assertThat(browser.follow(me).body()).contains(repo.fullName()).contains("class=\"credit\">98<");
        assertThat(browser.get("/me/someone-else").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(1)
    void theOriginalMeritocrabsDataIsImported(@TempDir Path dir) throws Exception {
        Repo repo = GitHubPayloads.newRepo("payara-import");
        User ann = User.human("ann");
        deliver("issue_comment", GitHubPayloads.issueComment(repo, ann, 1, "+1"));
        OriginalMeritocrab.Database original = new OriginalMeritocrab.Database(dir.resolve("meritocrab.db"));
        long row = original.contributor(ann.id(), repo.fullName(), 120, false);
        original.event(row, "pr_opened", 20, 100, 120, null, null, "2025-01-01T10:00:00+00:00");

        HttpResponse<String> sqlite = api.post("/api/import/sqlite", "application/vnd.sqlite3", original.bytes());
        HttpResponse<String> postgres = api.post("/api/import/postgresql",
                "{\"url\": \"jdbc:postgresql://localhost:1/none\", \"user\": \"u\", \"password\": \"p\"}");

        assertThat(sqlite.statusCode()).as("the SQLite driver and its native library from the WAR: %s", sqlite.body())
                .isEqualTo(200);
        JsonObject contributor = api.json(repo.apiPath() + "/contributors/ann");
        assertThat(contributor.getInt("credit")).isEqualTo(120);
        Ledgers.assertConsistent(contributor, 100);
        assertThat(postgres.statusCode()).as("the server's PostgreSQL driver reached: %s", postgres.body()).isEqualTo(400);
    }

    @Test
    @Order(1)
    void clientInterfacesAreNotServed() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PayaraMicro.base() + "v1/messages")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(1)
    void healthAndMetrics() {
        assertThat(api.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(api.get("/health/ready").body()).contains("\"status\":\"UP\"");
        deliver("issue_comment", GitHubPayloads.issueComment(GitHubPayloads.newRepo("payara-metrics"),
                User.human("counted"), 1, "+1"));

        PrometheusScrape metrics = PrometheusScrape.of(PayaraMicro.base());

        assertThat(metrics.has("meritocrab_webhooks_total")).isTrue();
        assertThat(metrics.has("meritocrab_delivery_attempts_total")).isTrue();
        assertThat(metrics.has("meritocrab_shadow_closes_pending")).isTrue();
    }

    /** Payara keeps EJB timers in its data grid, which a restart empties: the outbox's due time carries on. */
    @Test
    @Order(2)
    void shadowCloseScheduledBeforeARestartIsCarriedOutAfterIt() throws Exception {
        Repo repo = GitHubPayloads.newRepo("payara-restart");
        User author = User.human("blacklisted");
        openSpamPullRequests(repo, author, 4);
        Enforcement.awaitAction(repo, 4, Duration.ofSeconds(30));
        // The run's shadow-close delay (3-6 s) is shorter than a stop takes: this close is given a later
        // due time, as a longer configured delay would have. Its timer, if it fires first, finds nothing due.
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, 5, "Fix typo", "Small fix.", 1, 1, 1));
        Inbox.execute("UPDATE enforcement_action SET due_at = due_at + INTERVAL '40 seconds', "
                + "next_attempt_at = next_attempt_at + INTERVAL '40 seconds' WHERE repository_id = ? AND pull_number = 5 "
                + "AND status = 'PENDING'", repo.id());
        Instant due = ((Timestamp) Enforcement.action(repo, 5).get("due_at")).toInstant();

        PayaraMicro.stop();
        assertThat(Instant.now()).as("stopped before it was due").isBefore(due);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2_000);
        assertThat(Enforcement.writesAbout(repo, 5)).as("nothing happens while the server is down").isEmpty();
        PayaraMicro.start();
        Instant restarted = Instant.now();

        Map<String, Object> action = Enforcement.awaitAction(repo, 5, Duration.ofSeconds(120));
        assertThat(action).containsEntry("status", "DONE");
        assertThat(((Timestamp) action.get("completed_at")).toInstant()).isBefore(restarted.plusSeconds(60));
        assertThat(Enforcement.writesAbout(repo, 5)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/5/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/5");
    }

    private void deliver(String event, String payload) {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        HttpResponse<String> answer = github.send(event, deliveryId, payload);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Inbox.awaitProcessed(deliveryId);
    }

    /** Opens spam pull requests #1..#n; each costs 25 credit (the first three pass the gate). */
    private void openSpamPullRequests(Repo repo, User author, int n) {
        for (int number = 1; number <= n; number++) {
            deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, number, "Best deals",
                    Enforcement.SPAM_PR_BODY, 3, 0, 1));
        }
    }

    private static void stubRole(Repo repo, User user, String role) {
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/"
                + user.login() + "/permission")).willReturn(okJson("{\"permission\":\""
                + ("maintain".equals(role) ? "write" : role) + "\",\"role_name\":\"" + role + "\"}")));
    }

    private static List<LoggedRequest> replies(Repo repo, int number) {
        return ItEnvironment.github().server().findAll(postRequestedFor(
                urlPathEqualTo("/repos/" + repo.fullName() + "/issues/" + number + "/comments")));
    }

    private static String commentBody(Repo repo, int number) {
        return Json.createReader(new StringReader(replies(repo, number).get(0).getBodyAsString())).readObject()
                .getString("body");
    }
}
