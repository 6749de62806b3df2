package io.meritocrab.intake;

import jakarta.json.stream.JsonParser;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;

/**
 * Reads a webhook body once with a streaming parser: this checks that the whole body is JSON and
 * picks out action, installation and repository without building the document in memory.
 */
public final class PayloadSummaryReader {

    /** Looked up once: {@code Json.createParser} searches for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PayloadSummaryReader() {
    }

    /** @throws MalformedPayloadException when the body is not a single JSON object */
    public static PayloadSummary read(byte[] body) {
        String action = null;
        Long installationId = null;
        Long repositoryId = null;
        String repositoryFullName = null;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedPayloadException("the body is not a JSON object");
            }
            int depth = 1;
            String topKey = null;
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        key = parser.getString();
                        if (depth == 1) {
                            topKey = key;
                        }
                    }
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> {
                        if (depth == 1 && "action".equals(key)) {
                            action = parser.getString();
                        } else if (depth == 2 && "repository".equals(topKey) && "full_name".equals(key)) {
                            repositoryFullName = parser.getString();
                        }
                    }
                    case VALUE_NUMBER -> {
                        if (depth == 2 && "id".equals(key) && parser.isIntegralNumber()) {
                            if ("installation".equals(topKey)) {
                                installationId = parser.getLong();
                            } else if ("repository".equals(topKey)) {
                                repositoryId = parser.getLong();
                            }
                        }
                    }
                    default -> {
                    }
                }
                if (depth == 0) {
                    if (parser.hasNext()) {
                        throw new MalformedPayloadException("unexpected content after the JSON object");
                    }
                    break;
                }
            }
            if (depth != 0) {
                throw new MalformedPayloadException("the JSON object is not closed");
            }
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw new MalformedPayloadException("the body is not valid JSON: " + e.getMessage());
        }
        return new PayloadSummary(action, installationId, repositoryId, repositoryFullName);
    }
}
