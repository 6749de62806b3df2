package it.io.meritocrab.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's shared lists: an organisation's owner keeps a trust list and a deny list for all
 * repositories of the installation; a repository whose `.meritocrab.toml` opts in honours them, one that
 * does not is untouched; maintainers read the lists, only owners change them, and every change is audited.
 * GitHub (WireMock) says who owns the organisation and who maintains which repository.
 */
class SharedListsIT extends MeritocrabIT {

    private static final Duration SHADOW_CLOSED = Duration.ofSeconds(ItEnvironment.SHADOW_CLOSE_MAX_DELAY + 15);
    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final long installation = GitHubPayloads.uniqueId();
    private final String account = "shared-org-" + installation;
    private final Repo optedIn = new Repo(GitHubPayloads.uniqueId(), account, "opted-in", installation);
    private final Repo notOptedIn = new Repo(GitHubPayloads.uniqueId(), account, "plain", installation);
    private final String owner = "owner-" + installation;
    private final String maintainer = "maint-" + installation;
    private final User author = User.human("contrib-" + installation);
    private String lists;
    private ConsoleSession ownerSession;

    @BeforeEach
    void installationWithTwoRepositories() {
        lists = "/api/installations/" + installation + "/shared";
        configFile(optedIn, "[shared]\ntrust = true\ndeny = true\n");
        deliver("installation", GitHubPayloads.installation("created", installation, account, optedIn, notOptedIn));
        orgRole(owner, "admin");
        orgRole(maintainer, "member");
        for (Repo repo : List.of(optedIn, notOptedIn)) {
            repositoryRole(repo, owner, "admin");
        }
        repositoryRole(optedIn, maintainer, "maintain");
        gitHubApi.stubFor(get(urlPathEqualTo("/users/" + author.login())).willReturn(okJson(
                "{\"id\":" + author.id() + ",\"login\":\"" + author.login() + "\",\"type\":\"User\"}")));
        ownerSession = signedIn(owner);
    }

    @Test
    void aDeniedUserIsShadowClosedWhereTheRepositoryOptedInAndNowhereElse() {
        HttpResponse<String> added = ownerSession.postJson(lists + "/deny",
                "{\"login\": \"" + author.login() + "\", \"reason\": \"spam across our repositories\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(AdminApi.parse(added.body()).getJsonNumber("userId").longValue()).isEqualTo(author.id());

        openPullRequest(optedIn, 1);
        openPullRequest(notOptedIn, 1);

        assertThat(Enforcement.action(notOptedIn, 1)).containsEntry("decision", "ALLOW");
        assertThat(Enforcement.awaitAction(optedIn, 1, SHADOW_CLOSED)).containsEntry("decision", "SHADOW_CLOSE")
                .containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(optedIn, 1)).containsExactly(
                "POST /repos/" + optedIn.fullName() + "/issues/1/comments",
                "PATCH /repos/" + optedIn.fullName() + "/pulls/1");
        assertThat(gitHubApi.findAll(postRequestedFor(urlPathEqualTo("/repos/" + optedIn.fullName()
                + "/issues/1/comments"))).get(0).getBodyAsString())
                .contains("Unfortunately, we are unable to accept this pull request at this time.")
                .doesNotContainIgnoringCase("deny").doesNotContainIgnoringCase("list");
        assertThat(Enforcement.writesAbout(notOptedIn, 1)).isEmpty();
        assertThat(Inbox.count("SELECT COUNT(*) FROM shared_list_change WHERE installation_id = ? "
                + "AND list_kind = 'DENY' AND change_kind = 'ADDED' AND user_id = ? AND actor = ?",
                installation, author.id(), owner)).isOne();
    }

    @Test
    void aTrustedUserBypassesTheGateUntilTheirEntryExpires() {
        Enforcement.openSpamPullRequests(this, optedIn, author, 3);
        HttpResponse<String> added = ownerSession.postJson(lists + "/trust", "{\"login\": \"@" + author.login()
                + "\", \"reason\": \"core contributor elsewhere\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        openPullRequest(optedIn, 4);
        assertThat(Enforcement.awaitAction(optedIn, 4, AT_MOST)).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "SKIPPED")
                .containsEntry("outcome", "author is trusted by the installation's shared list");
        assertThat(Inbox.execute("UPDATE shared_list_entry SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR "
                + "WHERE installation_id = ? AND user_id = ?", installation, author.id())).isOne();
        openPullRequest(optedIn, 5);

        assertThat(Enforcement.awaitAction(optedIn, 5, AT_MOST)).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "DONE");
        assertThat(Enforcement.writesAbout(optedIn, 4)).isEmpty();
        JsonObject entry = ownerSession.get(lists + "/trust").body().transform(SharedListsIT::array).getJsonObject(0);
        assertThat(entry.getBoolean("expired")).isTrue();
    }

    @Test
    void onlyOwnersChangeTheListsAndOnlyOwnersAndMaintainersSeeThem() {
        ConsoleSession maintainerSession = signedIn(maintainer);
        ConsoleSession outsiderSession = signedIn("outsider-" + installation);
        String body = "{\"login\": \"" + author.login() + "\", \"reason\": \"testing\"}";

        assertThat(maintainerSession.postJson(lists + "/deny", body).statusCode()).isEqualTo(403);
        assertThat(ownerSession.postJson(lists + "/deny", body).statusCode()).isEqualTo(200);
        assertThat(maintainerSession.postJson(lists + "/deny/" + author.id() + "/remove", "{}").statusCode())
                .isEqualTo(403);
        assertThat(maintainerSession.get(lists + "/deny").body()).contains(author.login());
        for (String path : List.of(lists + "/deny", lists + "/trust", lists + "/changes")) {
            HttpResponse<String> answer = outsiderSession.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).as(path).doesNotContain(author.login());
            assertThat(api.getWithToken(path, null).statusCode()).as(path).isEqualTo(401);
        }
        String page = "/console/shared.xhtml?installation=" + installation;
        assertThat(outsiderSession.get(page).statusCode()).isEqualTo(404);
        assertThat(maintainerSession.get(page).body()).contains(author.login()).doesNotContain("Add a user");

        HttpResponse<String> removed = ownerSession.postJson(lists + "/deny/" + author.id() + "/remove",
                "{\"reason\": \"mistaken identity\"}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);

        JsonArray changes = ownerSession.get(lists + "/changes").body().transform(SharedListsIT::array);
        assertThat(changes).hasSize(2);
        assertThat(changes.getJsonObject(0).getString("change")).isEqualTo("REMOVED");
        assertThat(changes.getJsonObject(0).getString("reason")).isEqualTo("mistaken identity");
        assertThat(changes.getJsonObject(1).getString("change")).isEqualTo("ADDED");
        assertThat(changes.getJsonObject(1).getString("actor")).isEqualTo(owner);
        assertThat(ownerSession.get("/console/shared-changes.xhtml?installation=" + installation).body())
                .contains("removed from the deny list").contains("mistaken identity");
        String ownerPage = ownerSession.get(page).body();
        assertThat(ownerPage).contains("Add a user");
        HttpResponse<String> trusted = ownerSession.submit(page, ownerPage, "add", Map.of("add:login", author.login(),
                "add:list", "trust", "add:reason", "vouched for", "add:expires", "2099-12-31", "add:save", "Add"));
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(302);
        assertThat(ownerSession.follow(trusted).body()).contains(author.login() + " is on the trust list.")
                .contains("vouched for").contains("2100-01-01 00:00");
        JsonObject asOwner = ownerSession.get("/api/installations").body().transform(SharedListsIT::array)
                .getJsonObject(0);
        assertThat(asOwner.getString("account")).isEqualTo(account);
        assertThat(asOwner.getBoolean("owner")).isTrue();
        assertThat(maintainerSession.get("/api/installations").body().transform(SharedListsIT::array)
                .getJsonObject(0).getBoolean("owner")).isFalse();
    }

    @Test
    void neitherTheAccountsFormerNameNorAnotherInstallationsOwnerTouchesTheLists() {
        // After a rename GitHub frees the account's old login: whoever takes it maintains none of its repositories.
        ConsoleSession impostor = signedIn(account);
        String body = "{\"login\": \"" + author.login() + "\", \"reason\": \"testing\"}";
        assertThat(impostor.postJson(lists + "/trust", body).statusCode()).isEqualTo(403);
        assertThat(impostor.get(lists + "/deny").statusCode()).isEqualTo(403);

        long other = GitHubPayloads.uniqueId();
        Repo elsewhere = new Repo(GitHubPayloads.uniqueId(), "other-org-" + other, "tool", other);
        deliver("installation", GitHubPayloads.installation("created", other, elsewhere.owner(), elsewhere));
        String otherLists = "/api/installations/" + other + "/shared";
        assertThat(ownerSession.postJson(otherLists + "/deny", body).statusCode()).isEqualTo(403);
        assertThat(ownerSession.get(otherLists + "/deny").statusCode()).isEqualTo(403);
        assertThat(ownerSession.get(lists + "/deny").statusCode()).isEqualTo(200);
    }

    private static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    private ConsoleSession signedIn(String login) {
        ConsoleSession session = new ConsoleSession(base);
        assertThat(session.signInWithGitHub(login).statusCode()).isEqualTo(302);
        return session;
    }

    private void openPullRequest(Repo repo, int number) {
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, number, "Handle empty configuration",
                "An empty configuration is no longer an error.", 4, 1, 1));
    }

    private void configFile(Repo repo, String toml) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/contents/.meritocrab.toml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(toml)));
    }

    private void orgRole(String login, String role) {
        gitHubApi.stubFor(get(urlPathEqualTo("/orgs/" + account + "/memberships/" + login))
                .willReturn(okJson("{\"state\":\"active\",\"role\":\"" + role + "\"}")));
    }

    private void repositoryRole(Repo repo, String login, String roleName) {
        String permission = roleName.equals("maintain") ? "write" : roleName;
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/" + login + "/permission"))
                .willReturn(okJson("{\"permission\":\"" + permission + "\",\"role_name\":\"" + roleName + "\"}")));
    }
}
