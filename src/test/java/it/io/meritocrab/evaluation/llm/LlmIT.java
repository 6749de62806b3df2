package it.io.meritocrab.evaluation.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.LlmStub;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the LLM tests: WireMock answers as the providers do (their documented response shapes), the
 * server is switched to the provider a test needs, and helpers wait for the model's verdict.
 */
abstract class LlmIT extends MeritocrabIT {

    static final String ANTHROPIC_PATH = "/v1/messages";
    static final String OPENAI_PATH = "/v1/chat/completions";
    static final String COMPATIBLE_PATH = "/ollama/v1/chat/completions";

    /** Described well enough to earn a solid rules verdict that is still short of rules-first (0.95). */
    static final String PR_TITLE = "Fix crash when parsing an empty configuration file";
    static final String PR_BODY = "Fixes #12.\n\nThe parser crashed with a NullPointerException when the "
            + "configuration file was empty, because the section list was never initialised. This change "
            + "initialises it before parsing so that empty files load as an empty configuration.\n\n"
            + "I added unit tests for the empty file and the missing section cases.";

    final WireMockServer stub = LlmStub.wireMock();
    final Repo repo = GitHubPayloads.newRepo("llm");

    @BeforeEach
    void freshStub() {
        stub.resetAll();
    }

    static void useAnthropic() {
        LlmStub.configure(Map.of());
    }

    static void useOpenAi() {
        LlmStub.configure(Map.of("meritocrab.llm.provider", "openai", "meritocrab.llm.base-url",
                LlmStub.baseUrl() + "/v1"));
    }

    static void useOpenAiCompatible() {
        LlmStub.configure(Map.of("meritocrab.llm.provider", "openai-compatible", "meritocrab.llm.base-url",
                LlmStub.baseUrl() + "/ollama/v1"));
    }

    static String verdictJson(String classification, double confidence, String reasoning) {
        return Json.createObjectBuilder().add("classification", classification).add("confidence", confidence)
                .add("reasoning", reasoning).build().toString();
    }

    /** A Messages API answer, as Anthropic documents it. */
    static ResponseDefinitionBuilder anthropicAnswer(String text, String stopReason) {
        var content = Json.createArrayBuilder();
        if (text != null) {
            content.add(Json.createObjectBuilder().add("type", "text").add("text", text));
        }
        String body = Json.createObjectBuilder()
                .add("id", "msg_01XFDUDYJgAACzvnptvVoYEL")
                .add("type", "message")
                .add("role", "assistant")
                .add("model", LlmStub.MODEL)
                .add("content", content)
                .add("stop_reason", stopReason)
                .addNull("stop_sequence")
                .add("usage", Json.createObjectBuilder().add("input_tokens", 812).add("output_tokens", 41)
                        .add("cache_creation_input_tokens", 0).add("cache_read_input_tokens", 0))
                .build().toString();
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy").withBody(body);
    }

    /** A Chat Completions answer, as OpenAI documents it; {@code refusal} non-null when the model declined. */
    static ResponseDefinitionBuilder openAiAnswer(String content, String refusal) {
        var message = Json.createObjectBuilder().add("role", "assistant");
        if (content == null) {
            message.addNull("content");
        } else {
            message.add("content", content);
        }
        if (refusal == null) {
            message.addNull("refusal");
        } else {
            message.add("refusal", refusal);
        }
        message.add("annotations", Json.createArrayBuilder());
        String body = Json.createObjectBuilder()
                .add("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
                .add("object", "chat.completion")
                .add("created", 1763884800)
                .add("model", LlmStub.MODEL)
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0).add("message", message).addNull("logprobs").add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 903).add("completion_tokens", 37)
                        .add("total_tokens", 940))
                .add("service_tier", "default")
                .addNull("system_fingerprint")
                .build().toString();
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static MappingBuilder at(String path) {
        return post(urlEqualTo(path));
    }

    /**
     * Opens a PR and returns its delivery id once processed. The body gets a line naming this test's
     * repository: the same text in several repositories is a spam signal to the rules.
     */
    String openPullRequest(User author, int number, String body) {
        return openPullRequestAsIs(author, number, body + "\n\nThe change was checked against revision "
                + repo.id() + " of the repository.");
    }

    String openPullRequestAsIs(User author, int number, String body) {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("pull_request", deliveryId,
                GitHubPayloads.pullRequestOpened(repo, author, number, PR_TITLE, body, 40, 3, 2)).statusCode())
                .isEqualTo(202);
        Inbox.awaitProcessed(deliveryId);
        return deliveryId;
    }

    /** The evaluation a delivery produced, once it no longer waits for the model. */
    static Map<String, Object> awaitDecided(String deliveryId) {
        return awaitDecided(deliveryId, Duration.ofSeconds(60));
    }

    static Map<String, Object> awaitDecided(String deliveryId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> !"QUEUED".equals(evaluation(deliveryId).getOrDefault("status", "QUEUED")));
        return evaluation(deliveryId);
    }

    static Map<String, Object> evaluation(String deliveryId) {
        return Inbox.row("SELECT id, status, provider, model, prompt_version, classification, confidence, reasoning, "
                + "latency_ms, input_tokens, output_tokens, proposed_delta FROM evaluation WHERE delivery_id = ?",
                deliveryId);
    }

    /** The requests the stub received, oldest first. */
    List<ServeEvent> received() {
        return stub.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    int credit(User user) {
        return api.json(repo.apiPath() + "/contributors/" + user.login()).getInt("credit");
    }
}
