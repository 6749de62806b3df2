package it.io.meritocrab.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two keys `.meritocrab.toml` adds to the original's format: observe mode and trusted contributors. */
class GateModesIT extends MeritocrabIT {

    private final WireMockServer gitHubApi = ItEnvironment.github().server();
    private final Repo repo = GitHubPayloads.newRepo("modes");

    @Test
    void observeModeRecordsWhatWouldHaveHappenedAndDoesNothingOnGitHub() {
        configFile("mode = \"observe\"\n");
        User author = User.human("observed");

        Enforcement.openSpamPullRequests(this, repo, author, 4);
        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("decision", "CLOSE_BELOW_THRESHOLD").containsEntry("status", "OBSERVED")
                .containsEntry("outcome", "would close: credit 25 < 50");
        assertThat(Enforcement.writesAbout(repo, 4)).isEmpty();
    }

    @Test
    void trustedLoginBypassesTheGate() {
        configFile("trusted = [\"Trustee\"]\n");
        User author = User.human("trustee");

        Enforcement.openSpamPullRequests(this, repo, author, 4);
        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("status", "SKIPPED").containsEntry("outcome", "author is trusted by .meritocrab.toml");
        assertThat(Enforcement.writesAbout(repo, 4)).isEmpty();
    }

    @Test
    void memberOfATrustedOrganisationBypassesTheGate() {
        configFile("trusted = [\"@friendly-org\"]\n");
        User author = User.human("member");
        gitHubApi.stubFor(get(urlPathEqualTo("/orgs/friendly-org/members/" + author.login()))
                .willReturn(aResponse().withStatus(204)));

        Enforcement.openSpamPullRequests(this, repo, author, 4);
        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("status", "SKIPPED")
                .containsEntry("outcome", "author is a member of trusted organisation @friendly-org");
    }

    private void configFile(String toml) {
        gitHubApi.stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/contents/.meritocrab.toml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody(toml)));
    }
}
