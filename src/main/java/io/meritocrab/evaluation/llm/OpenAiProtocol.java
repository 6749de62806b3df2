package io.meritocrab.evaluation.llm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * OpenAI's Chat Completions, also spoken by Ollama, vLLM and Azure OpenAI: a system and a user
 * message, JSON mode; the answer is `choices[0].message.content`, or `message.refusal` when the model
 * declined. OpenAI itself takes `max_completion_tokens`; compatible servers know `max_tokens`.
 */
final class OpenAiProtocol implements ProviderProtocol {

    private final boolean openAi;

    OpenAiProtocol(boolean openAi) {
        this.openAi = openAi;
    }

    @Override
    public String request(String model, EvaluationPrompt prompt, int maxTokens) {
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("model", model)
                .add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "system").add("content", prompt.system()))
                        .add(Json.createObjectBuilder().add("role", "user").add("content", prompt.user())))
                .add(openAi ? "max_completion_tokens" : "max_tokens", maxTokens)
                .add("response_format", Json.createObjectBuilder().add("type", "json_object"));
        if (!openAi) {
            request.add("temperature", 0);
        }
        return request.build().toString();
    }

    @Override
    public ModelReply reply(String body) throws InvalidAnswerException {
        JsonObject answer = ProviderProtocol.object(body);
        JsonValue choices = answer.get("choices");
        if (choices == null || choices.getValueType() != JsonValue.ValueType.ARRAY || choices.asJsonArray().isEmpty()
                || choices.asJsonArray().get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidAnswerException("the answer has no choices");
        }
        JsonObject message = ProviderProtocol.objectOrNull(choices.asJsonArray().getJsonObject(0), "message");
        if (message == null) {
            throw new InvalidAnswerException("the answer's first choice has no message");
        }
        boolean refused = message.get("refusal") != null && message.get("refusal").getValueType() == JsonValue.ValueType.STRING;
        String content = message.get("content") != null && message.get("content").getValueType() == JsonValue.ValueType.STRING
                ? message.getString("content") : "";
        JsonObject usage = ProviderProtocol.objectOrNull(answer, "usage");
        return new ModelReply(content, refused, ProviderProtocol.tokens(usage, "prompt_tokens"),
                ProviderProtocol.tokens(usage, "completion_tokens"));
    }
}
