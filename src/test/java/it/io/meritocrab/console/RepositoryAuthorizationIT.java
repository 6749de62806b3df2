package it.io.meritocrab.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed-in GitHub user sees and changes only repositories where GitHub says they are admin or
 * maintain: repository B of a maintainer of A is "not found" by console URL and by API alike.
 */
class RepositoryAuthorizationIT extends MeritocrabIT {

    private final Repo mine = GitHubPayloads.newRepo("authz-a");
    private final Repo theirs = GitHubPayloads.newRepo("authz-b");
    private final User contributorA = User.human("alpha");
    private final User contributorB = User.human("bravo");
    private String maintainer;
    private ConsoleSession browser;

    @BeforeEach
    void maintainerOfAOnly() {
        maintainer = "maint-" + GitHubPayloads.uniqueId();
        role(mine, maintainer, "maintain");
        role(theirs, maintainer, "write");
        deliver("issue_comment", GitHubPayloads.issueComment(mine, contributorA, 1, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(theirs, contributorB, 1, "+1"));
        browser = new ConsoleSession(base);
        assertThat(browser.signInWithGitHub(maintainer).statusCode()).isEqualTo(302);
    }

    @Test
    void theConsoleShowsTheMaintainedRepositoryAndAnswersNotFoundForTheOther() {
        String dashboard = browser.get("/console/index.xhtml").body();

        assertThat(dashboard.substring(dashboard.indexOf("<h2>Repositories"))).contains(mine.fullName())
                .doesNotContain(theirs.fullName());
        assertThat(browser.get("/console/contributors.xhtml?repo=" + mine.fullName()).statusCode()).isEqualTo(200);
        assertThat(browser.get("/console/contributor.xhtml?repo=" + mine.fullName() + "&login=alpha").body())
                .contains("id=\"credit\" class=\"credit\">98<");
        for (String page : List.of("/console/contributors.xhtml?repo=" + theirs.fullName(),
                "/console/contributor.xhtml?repo=" + theirs.fullName() + "&login=bravo",
                "/console/reviews.xhtml?repo=" + theirs.fullName(),
                "/console/config.xhtml?repo=" + theirs.fullName())) {
            HttpResponse<String> answer = browser.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(404);
            assertThat(answer.body()).as(page).doesNotContain("bravo").doesNotContain(">98<");
        }
    }

    @Test
    void theApiWithTheSessionReadsAndChangesOnlyTheMaintainedRepository() {
        HttpResponse<String> readMine = browser.get(mine.apiPath() + "/contributors/alpha");
        HttpResponse<String> adjustMine = browser.postJson(mine.apiPath() + "/contributors/alpha/adjust",
                "{\"delta\": 3, \"reason\": \"welcome\"}");

        assertThat(readMine.statusCode()).isEqualTo(200);
        assertThat(adjustMine.statusCode()).as(adjustMine.body()).isEqualTo(200);
        assertThat(AdminApi.parse(adjustMine.body()).getJsonObject("entry").getString("actor")).isEqualTo(maintainer);
        for (String path : List.of("/contributors", "/contributors/bravo", "/events", "/evaluations", "/config",
                "/ledger.csv")) {
            assertThat(browser.get(theirs.apiPath() + path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> adjustTheirs = browser.postJson(theirs.apiPath() + "/contributors/bravo/adjust",
                "{\"delta\": 50, \"reason\": \"sneaky\"}");
        HttpResponse<String> blacklistTheirs = browser.postJson(theirs.apiPath() + "/contributors/bravo/blacklist",
                "{\"blacklisted\": true}");
        assertThat(adjustTheirs.statusCode()).isEqualTo(404);
        assertThat(blacklistTheirs.statusCode()).isEqualTo(404);
        JsonObject bravo = api.json(theirs.apiPath() + "/contributors/bravo");
        assertThat(bravo.getInt("credit")).isEqualTo(98);
        assertThat(bravo.getBoolean("blacklisted")).isFalse();
    }

    @Test
    void failedDeliveriesOfTheOtherRepositoryAreNeitherListedNorRetried() {
        String failedMine = failedDelivery(mine);
        String failedTheirs = failedDelivery(theirs);

        String listed = browser.get("/api/deliveries?status=failed&limit=500").body();
        HttpResponse<String> retryTheirs = browser.postJson("/api/deliveries/" + failedTheirs + "/retry", "{}");

        assertThat(listed).contains(failedMine).doesNotContain(failedTheirs);
        assertThat(retryTheirs.statusCode()).isEqualTo(404);
        assertThat(Inbox.row("SELECT status FROM delivery WHERE delivery_id = ?", failedTheirs)).containsEntry("status", "FAILED");
        assertThat(api.get("/api/deliveries?status=failed&limit=500").body()).as("the operator sees both")
                .contains(failedMine).contains(failedTheirs);
    }

    @Test
    void aChangeSentAsAFormInsteadOfJsonIsRefused() {
        HttpResponse<String> form = browser.postForm(mine.apiPath() + "/contributors/alpha/adjust",
                java.util.Map.of("delta", "5", "reason", "x"));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(api.json(mine.apiPath() + "/contributors/alpha").getInt("credit")).isEqualTo(98);
    }

    @Test
    void whenGitHubCannotSayTheRoleThereIsNoAccess() {
        String unlucky = "unlucky-" + GitHubPayloads.uniqueId();
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + mine.fullName() + "/collaborators/"
                + unlucky + "/permission")).willReturn(aResponse().withStatus(500)));
        ConsoleSession other = new ConsoleSession(base);
        other.signInWithGitHub(unlucky);

        assertThat(other.get(mine.apiPath() + "/contributors").statusCode()).isEqualTo(404);
        assertThat(other.get("/console/index.xhtml").body()).doesNotContain(mine.fullName());
    }

    private static void role(Repo repo, String login, String roleName) {
        String permission = roleName.equals("maintain") ? "write" : roleName;
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/"
                + login + "/permission")).willReturn(okJson("{\"permission\":\"" + permission + "\",\"role_name\":\""
                + roleName + "\",\"user\":{\"login\":\"" + login + "\"}}")));
    }

    private static String failedDelivery(Repo repo) {
        String deliveryId = "failed-" + GitHubPayloads.uniqueId();
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, repository_id, repository_name, payload, "
                        + "payload_size, received_at, status, attempts, next_attempt_at, last_error) "
                        + "VALUES (?, 'issue_comment', 'created', ?, ?, ?, 2, now(), 'FAILED', 3, now(), 'boom')",
                deliveryId, repo.id(), repo.fullName(), "{}".getBytes());
        return deliveryId;
    }
}
