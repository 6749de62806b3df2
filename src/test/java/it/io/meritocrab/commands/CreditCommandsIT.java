package it.io.meritocrab.commands;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `/credit` commands in issue comments, as GitHub delivers them, with GitHub (WireMock) saying who maintains. */
class CreditCommandsIT extends MeritocrabIT {

    private static final String USAGE = """
            Usage (maintainers only):
            - `/credit check @login`: credit, role, gate mode and the last 5 credit entries
            - `/credit override @login +N "reason"` (or `-N`): change the credit by N, with a reason
            - `/credit blacklist @login`
            - `/credit unblacklist @login` (or `/credit blacklist @login --remove`)
            - `/credit invite @login`: their next pull request below the credit threshold, within 14 days, stays open

            `@login` may also be a numeric user id, e.g. `@583231`.""";

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final Repo repo = GitHubPayloads.newRepo("commands");
    private final User maintainer = User.human("maintainer");
    private final User contributor = User.human("contributor");
    private int issue = 10;

    @BeforeEach
    void roles() {
        stubRole(maintainer, "maintain");
        stubRole(contributor, "read");
        // The contributor has a ledger: one review bonus (+5).
        deliver("pull_request_review", GitHubPayloads.reviewSubmitted(repo, contributor, User.human("author"), 1));
    }

    @Test
    void checkRepliesWithCreditRoleModeLatestEntriesAndTheConsolePage() {
        String reply = command(maintainer, "/credit check @" + contributor.login());

        assertThat(reply).contains("**@" + contributor.login() + "** (user id " + contributor.id() + ")")
                .contains("- Credit: 105").contains("- Role: read").contains("- Gate mode: enforce")
                .contains("| review submitted | +5 | 100 → 105 | system |")
                .contains("/console/contributor.xhtml?repo=" + repo.owner() + "%2F" + repo.name()
                        + "&login=" + contributor.login());
    }

    @Test
    void overrideWritesALedgerEntryByTheMaintainerAndReplies() {
        String reply = command(maintainer, "Thanks for the triage work!\n/credit override @" + contributor.login()
                + " +20 \"triaged 30 issues\"");

        assertThat(reply).isEqualTo("Credit of @" + contributor.login() + " changed by +20 (\"triaged 30 issues\"): "
                + "now 125.");
        JsonObject detail = api.json(repo.apiPath() + "/contributors/" + contributor.login());
        JsonObject newest = detail.getJsonArray("entries").getJsonObject(0);
        assertThat(newest.getString("kind")).isEqualTo("MAINTAINER_ADJUSTMENT");
        assertThat(newest.getInt("delta")).isEqualTo(20);
        assertThat(newest.getString("actor")).isEqualTo(maintainer.login());
        assertThat(newest.getString("reason")).isEqualTo("triaged 30 issues");
        Ledgers.assertConsistent(detail, 100);
        // The maintainer's command comment earned nothing.
        assertThat(Inbox.count("SELECT COUNT(*) FROM evaluation e JOIN contributor c ON c.id = e.contributor_id "
                + "WHERE c.repository_id = ? AND c.user_id = ?", repo.id(), maintainer.id())).isZero();
    }

    @Test
    void overrideToTheBlacklistThresholdAndUnblacklistAnswerNeutrallyAndTheGateStillShadowCloses() {
        String down = command(maintainer, "/credit override @" + contributor.login() + " -200 \"spam campaign\"");
        assertThat(down).isEqualTo("User status updated.");

        String lifted = command(maintainer, "/credit unblacklist @" + contributor.id());

        assertThat(lifted).isEqualTo("User status updated.");
        JsonObject detail = api.json(repo.apiPath() + "/contributors/" + contributor.login());
        assertThat(detail.getBoolean("blacklisted")).isFalse();
        assertThat(detail.getInt("credit")).isZero();
        assertThat(detail.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("UNBLACKLISTED");
        assertThat(detail.getJsonArray("entries").getJsonObject(0).getString("actor")).isEqualTo(maintainer.login());
        // The flag is lifted, but a credit at the blacklist threshold still means a shadow close.
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, contributor, 90, "Fix typo", "Small fix.", 1, 1, 1));
        assertThat(Enforcement.action(repo, 90)).containsEntry("decision", "SHADOW_CLOSE");
    }

    @Test
    void blacklistOfSomeoneWithoutALedgerResolvesTheLoginThroughGitHub() {
        User stranger = User.human("stranger");
        gitHubApi.stubFor(get(urlPathEqualTo("/users/" + stranger.login())).willReturn(okJson(
                "{\"login\":\"" + stranger.login() + "\",\"id\":" + stranger.id() + ",\"type\":\"User\"}")));

        String reply = command(maintainer, "/credit blacklist @" + stranger.login());

        assertThat(reply).isEqualTo("User status updated.");
        JsonObject detail = api.json(repo.apiPath() + "/contributors/" + stranger.login());
        assertThat(detail.getJsonNumber("userId").longValue()).isEqualTo(stranger.id());
        assertThat(detail.getBoolean("blacklisted")).isTrue();
    }

    @Test
    void theOriginalsBlacklistRemoveLiftsTheBlacklist() {
        assertThat(command(maintainer, "/credit blacklist @" + contributor.login())).isEqualTo("User status updated.");

        command(maintainer, "/credit blacklist @" + contributor.login() + " --remove");

        JsonObject detail = api.json(repo.apiPath() + "/contributors/" + contributor.login());
        assertThat(detail.getBoolean("blacklisted")).isFalse();
        assertThat(detail.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("UNBLACKLISTED");
    }

    @Test
    void unknownSubcommandIsAnsweredWithTheUsage() {
        String reply = command(maintainer, "/credit frobnicate @" + contributor.login());

        assertThat(reply).isEqualTo("Unknown command `frobnicate`.\n\n" + USAGE);
    }

    @Test
    void noReplyRevealsABlacklist() {
        String blacklisted = command(maintainer, "/credit blacklist @" + contributor.login());
        String again = command(maintainer, "/credit blacklist @" + contributor.login());
        String check = command(maintainer, "/credit check @" + contributor.login());

        assertThat(blacklisted).isEqualTo("User status updated.");
        assertThat(again).isEqualTo("User status updated.");
        assertThat(check).contains("- Credit: 105").doesNotContainIgnoringCase("blacklist");
        assertThat(api.json(repo.apiPath() + "/contributors/" + contributor.login()).getBoolean("blacklisted")).isTrue();
    }

    @Test
    void malformedCommandGetsTheUsage() {
        String reply = command(maintainer, "/credit override @" + contributor.login() + " lots");

        assertThat(reply).endsWith("\n\n" + USAGE);
        assertThat(reply.substring(0, reply.length() - USAGE.length()).strip()).isNotEmpty();
    }

    @Test
    void nonMaintainersCommandIsNotRunAndTheCommentIsEvaluatedLikeAnyOther() {
        int number = ++issue;
        String outcome = deliver("issue_comment", GitHubPayloads.issueComment(repo, contributor, number,
                "+1\n/credit override @" + contributor.login() + " +500 \"I deserve it\""));

        assertThat(outcome).startsWith("comment on #" + number + " by " + contributor.login());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(replies(number)).isEmpty();
        assertThat(Inbox.count("SELECT COUNT(*) FROM evaluation e JOIN contributor c ON c.id = e.contributor_id "
                + "WHERE c.repository_id = ? AND c.user_id = ? AND e.contribution_kind = 'COMMENT'",
                repo.id(), contributor.id())).isEqualTo(1);
        JsonObject detail = api.json(repo.apiPath() + "/contributors/" + contributor.login());
        // An ordinary comment's score (-10 to +3), not the +500 the command asked for.
        assertThat(detail.getInt("credit")).isBetween(95, 108);
        assertThat(detail.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("COMMENT_CREATED");
    }

    private String command(User author, String body) {
        int number = ++issue;
        deliver("issue_comment", GitHubPayloads.issueComment(repo, author, number, body));
        await().atMost(Duration.ofSeconds(15)).until(() -> !replies(number).isEmpty());
        List<LoggedRequest> replies = replies(number);
        assertThat(replies).hasSize(1);
        return Json.createReader(new StringReader(replies.get(0).getBodyAsString())).readObject().getString("body");
    }

    private List<LoggedRequest> replies(int number) {
        return gitHubApi.findAll(postRequestedFor(urlPathEqualTo("/repos/" + repo.fullName() + "/issues/" + number
                + "/comments")));
    }

    private void stubRole(User user, String role) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/" + user.login()
                + "/permission")).willReturn(okJson("{\"permission\":\"" + ("maintain".equals(role) ? "write" : role)
                + "\",\"role_name\":\"" + role + "\"}")));
    }
}
