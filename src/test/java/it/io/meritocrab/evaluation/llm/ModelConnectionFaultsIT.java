package it.io.meritocrab.evaluation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import it.io.meritocrab.support.GitHubPayloads.User;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model provider's connection misbehaving at the socket level (WireMock's faults over real HTTP
 * on loopback): reset, closed without an answer, a malformed chunked body, garbage instead of HTTP.
 * The call is retried and the answer that then comes is applied; nothing is lost or applied twice.
 * One failure per test keeps the shared circuit breaker closed for the tests after it.
 */
class ModelConnectionFaultsIT extends LlmIT {

    private final User author = User.human("fault-author");

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void aCallMeetingTheFaultIsRetriedAndTheAnswerThatFollowsIsApplied(Fault fault) {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("fault").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("up"));
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("fault").whenScenarioStateIs("up")
                .willReturn(anthropicAnswer(verdictJson("high", 0.95, "Fix with tests."), "end_turn")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, fault.ordinal() + 1, PR_BODY));

        assertThat(evaluation).as("after %s", fault).containsEntry("status", "APPLIED")
                .containsEntry("provider", "anthropic").containsEntry("classification", "HIGH");
        assertThat(received()).as("the faulted call, then the one answered").hasSize(2);
        assertThat(credit(author)).as("the PR's +15 applied once").isEqualTo(100 + 15);
    }
}
