package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Locale;

/**
 * Checks a model's answer: a JSON object with a known classification, a confidence within [0, 1] and
 * a reasoning. Models sometimes wrap the object in a Markdown code fence; that is tolerated, anything
 * else around it is not.
 */
public final class ModelAnswers {

    private static final int MAX_REASONING = 2000;

    private ModelAnswers() {
    }

    public static Verdict verdict(ModelReply reply) throws InvalidAnswerException {
        if (reply.refused()) {
            throw new InvalidAnswerException("the model refused to answer");
        }
        String text = unfenced(reply.text().strip());
        if (text.isEmpty()) {
            throw new InvalidAnswerException("the model's answer was empty");
        }
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidAnswerException("the model's answer is not a JSON object");
            }
            answer = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new InvalidAnswerException("the model's answer is not valid JSON");
        } catch (jakarta.json.JsonException e) {
            throw new InvalidAnswerException("the model's answer is not valid JSON");
        }
        return new Verdict(classification(answer), confidence(answer), reasoning(answer));
    }

    private static Classification classification(JsonObject answer) throws InvalidAnswerException {
        JsonValue value = answer.get("classification");
        if (!(value instanceof JsonString text)) {
            throw new InvalidAnswerException("the model's answer has no classification");
        }
        try {
            return Classification.valueOf(text.getString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswerException("unknown classification '" + shorten(text.getString()) + "'");
        }
    }

    private static double confidence(JsonObject answer) throws InvalidAnswerException {
        JsonValue value = answer.get("confidence");
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidAnswerException("the model's answer has no numeric confidence");
        }
        double confidence = number.doubleValue();
        if (Double.isNaN(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new InvalidAnswerException("confidence " + number + " is outside [0, 1]");
        }
        return confidence;
    }

    private static String reasoning(JsonObject answer) throws InvalidAnswerException {
        JsonValue value = answer.get("reasoning");
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new InvalidAnswerException("the model's answer has no reasoning");
        }
        String reasoning = text.getString().strip();
        return reasoning.length() <= MAX_REASONING ? reasoning : reasoning.substring(0, MAX_REASONING);
    }

    private static String unfenced(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
            return text;
        }
        String inner = text.substring(3, text.length() - 3);
        int lineEnd = inner.indexOf('\n');
        // The opening fence may name a language ("```json").
        return lineEnd < 0 ? inner.strip() : inner.substring(lineEnd + 1).strip();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
