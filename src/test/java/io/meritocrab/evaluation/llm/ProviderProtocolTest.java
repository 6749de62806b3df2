package io.meritocrab.evaluation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderProtocolTest {

    private static final EvaluationPrompt PROMPT = EvaluationPrompt.of(new Contribution(ContributionKind.COMMENT,
            "acme/widgets", "bob", "NONE", "Crash", "+1", 0, 0, 0, 0), Optional.empty());

    @Test
    void anthropicRequestPutsTheInstructionsInSystem() {
        JsonObject request = parse(new AnthropicProtocol().request("claude-haiku-4-5", PROMPT, 400));

        assertThat(request.getString("model")).isEqualTo("claude-haiku-4-5");
        assertThat(request.getInt("max_tokens")).isEqualTo(400);
        assertThat(request.getString("system")).isEqualTo(PROMPT.system());
        assertThat(request.getJsonArray("messages")).hasSize(1);
        assertThat(request.getJsonArray("messages").getJsonObject(0).getString("content")).isEqualTo(PROMPT.user());
    }

    @Test
    void anthropicAnswerGivesTextTokensAndRefusal() throws Exception {
        ModelReply reply = new AnthropicProtocol().reply("""
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-haiku-4-5",
                 "content":[{"type":"text","text":"{\\"classification\\":\\"low\\""},{"type":"text","text":"}"}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":812,"output_tokens":41}}""");
        ModelReply refusal = new AnthropicProtocol().reply("""
                {"id":"msg_02","type":"message","role":"assistant","content":[],"stop_reason":"refusal",
                 "usage":{"input_tokens":700,"output_tokens":0}}""");

        assertThat(reply.text()).isEqualTo("{\"classification\":\"low\"}");
        assertThat(reply.inputTokens()).isEqualTo(812);
        assertThat(reply.outputTokens()).isEqualTo(41);
        assertThat(reply.refused()).isFalse();
        assertThat(refusal.refused()).isTrue();
    }

    @Test
    void openAiRequestUsesJsonModeAndTheRightTokenLimit() {
        JsonObject openAi = parse(new OpenAiProtocol(true).request("gpt-4.1-mini", PROMPT, 300));
        JsonObject compatible = parse(new OpenAiProtocol(false).request("llama3.1", PROMPT, 300));

        assertThat(openAi.getInt("max_completion_tokens")).isEqualTo(300);
        assertThat(compatible.getInt("max_tokens")).isEqualTo(300);
        assertThat(openAi.getJsonObject("response_format").getString("type")).isEqualTo("json_object");
        assertThat(openAi.getJsonArray("messages").getJsonObject(0).getString("role")).isEqualTo("system");
        assertThat(openAi.getJsonArray("messages").getJsonObject(1).getString("content")).isEqualTo(PROMPT.user());
    }

    @Test
    void openAiAnswerGivesContentTokensAndRefusal() throws Exception {
        ModelReply reply = new OpenAiProtocol(true).reply("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1763884800,"model":"gpt-4.1-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"{}","refusal":null},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":900,"completion_tokens":35,"total_tokens":935}}""");
        ModelReply refusal = new OpenAiProtocol(true).reply("""
                {"id":"chatcmpl-2","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",
                 "content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}]}""");

        assertThat(reply.text()).isEqualTo("{}");
        assertThat(reply.inputTokens()).isEqualTo(900);
        assertThat(reply.outputTokens()).isEqualTo(35);
        assertThat(reply.refused()).isFalse();
        assertThat(refusal.refused()).isTrue();
        assertThat(refusal.inputTokens()).isNull();
    }

    @Test
    void answersOfTheWrongShapeAreInvalid() {
        assertThatThrownBy(() -> new OpenAiProtocol(false).reply("<html>bad gateway</html>"))
                .isInstanceOf(InvalidAnswerException.class);
        assertThatThrownBy(() -> new OpenAiProtocol(false).reply("{\"choices\":[]}"))
                .isInstanceOf(InvalidAnswerException.class);
        assertThatThrownBy(() -> new AnthropicProtocol().reply("{\"type\":\"message\"}"))
                .isInstanceOf(InvalidAnswerException.class);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
