package it.io.meritocrab.sanctions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Graduated sanctions (`[sanctions] steps`) on one server with steps of seconds: each offence takes the
 * next step, a temporary step ends by itself (the durable `sanction` queue) with the credit set back to the
 * PR threshold, the last step repeats, and a maintainer's unblacklist ends any step.
 */
class GraduatedSanctionsIT extends MeritocrabIT {

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final Repo repo = GitHubPayloads.newRepo("sanctions");
    private final User author = User.human("offender");
    private int nextPull = 1;

    @Test
    void theStepsAreTakenInOrderEachTemporaryOneEndsOnceAndTheLastIsPermanent() {
        configFile("[sanctions]\nsteps = [\"3s\", \"5s\", \"permanent\"]\n");

        offend(4);
        assertThat(reason(latest("BLACKLISTED"))).startsWith("credit 0 reached the blacklist threshold 0; "
                + "sanction step 1 of 3 (3 seconds), until ");
        assertThat(contributor().getBoolean("blacklisted")).isTrue();
        awaitStepEnded(1);

        offend(2);
        assertThat(reason(latest("BLACKLISTED"))).contains("sanction step 2 of 3 (5 seconds), until ");
        awaitStepEnded(2);

        offend(2);
        assertThat(reason(latest("BLACKLISTED"))).endsWith("; sanction step 3 of 3 (permanent)");
        List<Map<String, Object>> steps = Inbox.rows("SELECT s.step, s.status, s.ends_at, s.next_attempt_at "
                + "FROM sanction s JOIN contributor c ON c.id = s.contributor_id WHERE c.repository_id = ? "
                + "ORDER BY s.step", repo.id());
        assertThat(steps).extracting(row -> row.get("step") + " " + row.get("status"))
                .containsExactly("1 ENDED", "2 ENDED", "3 ACTIVE");
        assertThat(steps.get(2).get("ends_at")).isNull();
        assertThat(steps.get(2).get("next_attempt_at")).isNull();
        // Exactly one end per temporary step.
        assertThat(entries("SANCTION_ENDED")).hasSize(2);
        assertThat(contributor().getBoolean("blacklisted")).isTrue();

        int pull = nextPull++;
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, pull, "Fix", "Fixes a typo.", 1, 1, 1));
        assertThat(Enforcement.action(repo, pull)).containsEntry("decision", "SHADOW_CLOSE");
    }

    @Test
    void unblacklistEndsAStepAndTheConsoleShowsTheStepToMaintainers() {
        configFile("[sanctions]\nsteps = [\"1h\", \"permanent\"]\n");
        User maintainer = User.human("warden");
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/" + maintainer.login()
                + "/permission")).willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"maintain\"}")));
        offend(4);
        ConsoleSession console = new ConsoleSession(base);
        console.signInWithToken(ItEnvironment.ADMIN_TOKEN);
        String page = console.get("/console/contributor.xhtml?repo=" + repo.fullName() + "&login=" + author.login())
                .body();
        assertThat(page).contains("<dt>Sanction</dt>").containsPattern("step 1 of 2, since [0-9-]+ [0-9:]+ UTC, "
                + "ends [0-9-]+ [0-9:]+ UTC");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, maintainer, 90, "/credit unblacklist @"
                + author.login()));

        await().atMost(Duration.ofSeconds(15)).until(() -> !gitHubApi.findAll(postRequestedFor(urlPathEqualTo(
                "/repos/" + repo.fullName() + "/issues/90/comments"))).isEmpty());
        assertThat(contributor().getBoolean("blacklisted")).isFalse();
        assertThat(Inbox.row("SELECT s.status, s.ended_by FROM sanction s JOIN contributor c "
                + "ON c.id = s.contributor_id WHERE c.repository_id = ?", repo.id()))
                .containsEntry("status", "LIFTED").containsEntry("ended_by", maintainer.login());
        assertThat(console.get("/console/contributor.xhtml?repo=" + repo.fullName() + "&login=" + author.login())
                .body()).doesNotContain("<dt>Sanction</dt>");
    }

    /** Opens spam pull requests, each costing 25 credit. */
    private void offend(int times) {
        for (int i = 0; i < times; i++) {
            int pull = nextPull++;
            deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, author, pull, "Best deals",
                    Enforcement.SPAM_PR_BODY, 3, 0, 1));
        }
    }

    private void awaitStepEnded(int step) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !contributor().getBoolean("blacklisted"));
        JsonObject ended = latest("SANCTION_ENDED");
        assertThat(reason(ended)).isEqualTo("sanction step " + step + " of 3 ended: credit set back to the PR "
                + "threshold 50");
        assertThat(ended.getInt("creditAfter")).isEqualTo(50);
        assertThat(contributor().getInt("credit")).isEqualTo(50);
        assertThat(reason(latest("UNBLACKLISTED"))).isEqualTo("sanction step " + step + " of 3 ended");
    }

    private JsonObject contributor() {
        return api.json(repo.apiPath() + "/contributors/" + author.login());
    }

    private List<JsonObject> entries(String kind) {
        return contributor().getJsonArray("entries").stream().map(value -> value.asJsonObject())
                .filter(entry -> kind.equals(entry.getString("kind"))).toList();
    }

    /** The newest entry of the kind (entries come newest first). */
    private JsonObject latest(String kind) {
        List<JsonObject> found = entries(kind);
        assertThat(found).as(kind + " entries").isNotEmpty();
        return found.get(0);
    }

    private static String reason(JsonObject entry) {
        return entry.getString("reason");
    }

    private void configFile(String toml) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/contents/.meritocrab.toml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(toml)));
    }
}
