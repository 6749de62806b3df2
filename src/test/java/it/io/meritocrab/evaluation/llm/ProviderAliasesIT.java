package it.io.meritocrab.evaluation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.LlmStub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original meritocrab's provider names: `claude` is Anthropic, `mock` a fixed verdict with no model called. */
class ProviderAliasesIT extends LlmIT {

    @Test
    void claudeCallsAnthropicsMessagesApi() {
        LlmStub.configure(Map.of("meritocrab.llm.provider", "claude"));
        stub.stubFor(at(ANTHROPIC_PATH).withHeader("x-api-key", equalTo(LlmStub.API_KEY))
                .willReturn(anthropicAnswer(verdictJson("high", 0.93, "A careful fix."), "end_turn")));
        User erin = User.human("erin");

        String deliveryId = openPullRequest(erin, 21, PR_BODY);

        assertThat(awaitDecided(deliveryId)).containsEntry("status", "APPLIED").containsEntry("provider", "anthropic")
                .containsEntry("classification", "HIGH");
        assertThat(credit(erin)).isEqualTo(115);
        assertThat(received()).hasSize(1);
    }

    @Test
    void mockGivesItsDefaultClassificationWithoutCallingAnything() {
        LlmStub.configure(Map.of("meritocrab.llm.provider", "mock", "meritocrab.llm.default-classification",
                "high_quality"));
        User frank = User.human("frank");

        String pr = openPullRequest(frank, 22, PR_BODY);
        String comment = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("issue_comment", comment, GitHubPayloads.issueComment(repo, frank, 22,
                "The same crash happens on 2.3 with an empty file; a guard in Parser.readSection might do."))
                .statusCode()).isEqualTo(202);
        Inbox.awaitProcessed(comment);

        assertThat(awaitDecided(pr)).containsEntry("status", "APPLIED").containsEntry("provider", "mock")
                .containsEntry("model", "mock").containsEntry("classification", "HIGH")
                .containsEntry("reasoning", "Mock evaluation: high (no model was asked)");
        assertThat(awaitDecided(comment)).containsEntry("provider", "mock").containsEntry("classification", "HIGH");
        assertThat(credit(frank)).isEqualTo(100 + 15 + 3);
        assertThat(received()).isEmpty();
    }
}
