package it.io.meritocrab.evaluation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.LlmStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What happens when the provider misbehaves: bad answers are asked for once more, 5xx and timeouts are
 * retried, a 429 is tried again after its Retry-After, and when nothing helps the evaluation waits for
 * a maintainer with the reason and the rules' proposal. The circuit breaker is shared by the whole
 * server, so the failing tests are ordered to leave it closed, and the circuit test comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelFaultToleranceIT extends LlmIT {

    private final User author = User.human("ft-author");

    @Test
    @Order(1)
    void answerThatIsNotJsonIsAskedForOnceMoreThenQueuedForAMaintainer() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(anthropicAnswer("This looks like a fine contribution!", "end_turn")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 1, PR_BODY));

        assertQueuedForMaintainer(evaluation, "invalid answer twice: the model's answer is not valid JSON");
        assertThat(received()).hasSize(2);
        assertThat(evaluation).containsEntry("input_tokens", 2 * 812);
    }

    @Test
    @Order(2)
    void invalidAnswerFollowedByAValidOneIsApplied() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("bad then good").whenScenarioStateIs(STARTED)
                .willReturn(anthropicAnswer(verdictJson("excellent", 0.9, "x"), "end_turn")).willSetStateTo("good"));
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("bad then good").whenScenarioStateIs("good")
                .willReturn(anthropicAnswer(verdictJson("high", 0.95, "Fix with tests."), "end_turn")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 2, PR_BODY));

        assertThat(evaluation).containsEntry("status", "APPLIED").containsEntry("provider", "anthropic")
                .containsEntry("classification", "HIGH");
        assertThat(received()).hasSize(2);
    }

    @Test
    @Order(3)
    void emptyAnswerIsQueuedForAMaintainer() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(anthropicAnswer(null, "end_turn")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 3, PR_BODY));

        assertQueuedForMaintainer(evaluation, "the model's answer was empty");
        assertThat(received()).hasSize(2);
    }

    @Test
    @Order(4)
    void refusedAnswerIsQueuedForAMaintainer() {
        useOpenAi();
        try {
            stub.stubFor(at(OPENAI_PATH).willReturn(openAiAnswer(null, "I'm sorry, I can't help with that.")));

            Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 4, PR_BODY));

            assertQueuedForMaintainer(evaluation, "the model refused to answer");
            assertThat(received()).hasSize(2);
        } finally {
            useAnthropic();
        }
    }

    @Test
    @Order(5)
    void rateLimitedRequestIsTriedAgainAfterRetryAfter() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                                + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}"))
                .willSetStateTo("allowed"));
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("429").whenScenarioStateIs("allowed")
                .willReturn(anthropicAnswer(verdictJson("high", 0.93, "Fix with tests."), "end_turn")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 5, PR_BODY));

        assertThat(evaluation).containsEntry("status", "APPLIED").containsEntry("provider", "anthropic");
        List<ServeEvent> calls = received();
        assertThat(calls).hasSize(2);
        long waited = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(1_950);
    }

    @Test
    @Order(6)
    void providerFailingWith500IsRetriedThenQueuedForAMaintainer() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                "application/json").withBody("{\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                + "\"message\":\"Internal server error\"}}")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 6, PR_BODY));

        assertQueuedForMaintainer(evaluation, "anthropic answered 500, also when retried");
        assertThat(received()).hasSize(3);
    }

    @Test
    @Order(7)
    void passing500sAreRetriedUntilTheAnswerComes() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("500s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("500s").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(529)).willSetStateTo("up"));
        stub.stubFor(at(ANTHROPIC_PATH).inScenario("500s").whenScenarioStateIs("up")
                .willReturn(anthropicAnswer(verdictJson("acceptable", 0.9, "Fine."), "end_turn")));

        Map<String, Object> evaluation = awaitDecided(openPullRequest(author, 7, PR_BODY));

        assertThat(evaluation).containsEntry("status", "APPLIED").containsEntry("classification", "ACCEPTABLE");
        assertThat(received()).hasSize(3);
    }

    @Test
    @Order(8)
    void answerSlowerThanTheTimeoutIsQueuedForAMaintainer() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(anthropicAnswer(verdictJson("high", 0.93, "Late."), "end_turn")
                .withFixedDelay(LlmStub.TIMEOUT_MS + 2_500)));

        String deliveryId = openPullRequest(author, 8, PR_BODY);

        assertThat(evaluation(deliveryId)).as("the delivery was processed without waiting for the model")
                .containsEntry("status", "QUEUED");
        Map<String, Object> evaluation = awaitDecided(deliveryId);
        assertQueuedForMaintainer(evaluation, "anthropic did not answer within " + LlmStub.TIMEOUT_MS + " ms");
        assertThat(received()).hasSize(3);
    }

    @Test
    @Order(9)
    void openCircuitQueuesEvaluationsWithoutCallingTheProviderUntilItRecovers() throws InterruptedException {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(aResponse().withStatus(502)));
        Map<String, Object> queued = Map.of();
        int callsBefore = 0;
        for (int number = 20; number < 20 + LlmStub.CIRCUIT_REQUEST_VOLUME && !circuitOpen(queued); number++) {
            callsBefore = received().size();
            queued = awaitDecided(openPullRequest(author, number, PR_BODY));
        }

        assertQueuedForMaintainer(queued, "circuit breaker open");
        assertThat(received()).as("no call while the circuit is open").hasSize(callsBefore);

        Thread.sleep(LlmStub.CIRCUIT_DELAY_MS + 500);
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(anthropicAnswer(verdictJson("high", 0.93, "Back."), "end_turn")));
        assertThat(awaitDecided(openPullRequest(author, 40, PR_BODY))).containsEntry("status", "APPLIED");
        assertThat(awaitDecided(openPullRequest(author, 41, PR_BODY))).containsEntry("status", "APPLIED");
    }

    private static boolean circuitOpen(Map<String, Object> evaluation) {
        return String.valueOf(evaluation.get("reasoning")).contains("circuit breaker open");
    }

    /** Queued with the reason, and with the rules' verdict as the proposal (the PR is a good one). */
    private void assertQueuedForMaintainer(Map<String, Object> evaluation, String reason) {
        assertThat(evaluation).containsEntry("status", "PENDING").containsEntry("provider", "rules")
                .containsEntry("classification", "HIGH").containsEntry("proposed_delta", 15);
        assertThat((String) evaluation.get("reasoning")).contains(reason)
                .containsAnyOf("anthropic (" + LlmStub.MODEL + ")", "openai (" + LlmStub.MODEL + ")")
                .contains("The rules propose high");
    }
}
