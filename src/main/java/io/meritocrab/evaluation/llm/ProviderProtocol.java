package io.meritocrab.evaluation.llm;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** How one provider's API wants the prompt and how it answers, as JSON text. */
interface ProviderProtocol {

    String request(String model, EvaluationPrompt prompt, int maxTokens);

    /** @throws InvalidAnswerException when the answer is not the provider's documented shape */
    ModelReply reply(String body) throws InvalidAnswerException;

    static ProviderProtocol of(LlmProvider provider) {
        return switch (provider) {
            case ANTHROPIC -> new AnthropicProtocol();
            case OPENAI -> new OpenAiProtocol(true);
            case OPENAI_COMPATIBLE -> new OpenAiProtocol(false);
            case RULES, MOCK -> throw new IllegalArgumentException(provider.configName() + " calls no model");
        };
    }

    static JsonObject object(String body) throws InvalidAnswerException {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidAnswerException("the provider's answer is not a JSON object");
        }
    }

    static Integer tokens(JsonObject usage, String name) {
        if (usage == null || !(usage.get(name) instanceof JsonNumber number)) {
            return null;
        }
        return number.intValue();
    }

    static JsonObject objectOrNull(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }
}
