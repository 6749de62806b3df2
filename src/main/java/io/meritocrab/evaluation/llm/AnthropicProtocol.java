package io.meritocrab.evaluation.llm;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Anthropic's Messages API: the instructions go in `system`, the contribution in one user message;
 * the answer is the text blocks of `content`, with `stop_reason` "refusal" when the model declined.
 */
final class AnthropicProtocol implements ProviderProtocol {

    @Override
    public String request(String model, EvaluationPrompt prompt, int maxTokens) {
        return Json.createObjectBuilder()
                .add("model", model)
                .add("max_tokens", maxTokens)
                .add("temperature", 0)
                .add("system", prompt.system())
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "user").add("content", prompt.user())))
                .build().toString();
    }

    @Override
    public ModelReply reply(String body) throws InvalidAnswerException {
        JsonObject answer = ProviderProtocol.object(body);
        JsonValue content = answer.get("content");
        if (content == null || content.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidAnswerException("the Anthropic answer has no content");
        }
        StringBuilder text = new StringBuilder();
        for (JsonValue block : (JsonArray) content) {
            if (block.getValueType() == JsonValue.ValueType.OBJECT
                    && "text".equals(block.asJsonObject().getString("type", ""))) {
                text.append(block.asJsonObject().getString("text", ""));
            }
        }
        JsonObject usage = ProviderProtocol.objectOrNull(answer, "usage");
        boolean refused = "refusal".equals(answer.getString("stop_reason", ""));
        return new ModelReply(text.toString(), refused, ProviderProtocol.tokens(usage, "input_tokens"),
                ProviderProtocol.tokens(usage, "output_tokens"));
    }
}
