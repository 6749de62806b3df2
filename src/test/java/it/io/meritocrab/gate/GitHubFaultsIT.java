package it.io.meritocrab.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GitHub's connection misbehaving at the socket level (WireMock's faults, over real HTTP on loopback):
 * the connection reset, closed without an answer, a malformed chunked body, garbage instead of HTTP.
 * Each read and write of closing a below-threshold pull request (#4) meets the fault once; the action
 * still ends done, with the pull request closed once and the comment posted once it could be.
 */
class GitHubFaultsIT extends MeritocrabIT {

    private final Repo repo = GitHubPayloads.newRepo("faults");
    private final User author = User.human("newcomer");
    private final WireMockServer github = ItEnvironment.github().server();

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void everyCallMeetingTheFaultOnceStillClosesThePullRequest(Fault fault) {
        String pull = "/repos/" + repo.fullName() + "/pulls/4";
        String comments = "/repos/" + repo.fullName() + "/issues/4/comments";
        failOnceThen(() -> get(urlPathEqualTo(pull)), "read", fault, okJson("{\"state\":\"open\",\"merged\":false}"));
        failOnceThen(() -> post(urlPathEqualTo(comments)), "comment", fault, aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":11}"));
        failOnceThen(() -> patch(urlPathEqualTo(pull)), "close", fault, okJson("{\"state\":\"closed\"}"));

        Enforcement.openSpamPullRequests(this, repo, author, 4);
        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(60));

        assertThat(action).as("after %s", fault).containsEntry("decision", "CLOSE_BELOW_THRESHOLD")
                .containsEntry("status", "DONE");
        assertThat(github.findAll(getRequestedFor(urlPathEqualTo(pull)))).as("reads of the pull request").hasSizeGreaterThanOrEqualTo(2);
        assertThat(github.findAll(patchRequestedFor(urlPathEqualTo(pull)))).as("closes: the faulted one, then one that worked")
                .hasSize(2);
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo(comments)))).as("comments: the faulted one, then one that worked")
                .hasSize(2);
    }

    /** The first call meets the fault, every later one the answer. */
    private void failOnceThen(Supplier<MappingBuilder> call, String step, Fault fault, ResponseDefinitionBuilder answer) {
        String scenario = repo.fullName() + "-" + step;
        github.stubFor(call.get().inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("answered"));
        github.stubFor(call.get().inScenario(scenario).whenScenarioStateIs("answered").willReturn(answer));
    }
}
