package io.meritocrab.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.meritocrab.inbox.MalformedPayloadException;
import io.meritocrab.inbox.PayloadSummary;
import java.io.IOException;

/**
 * Reads a webhook body once with a streaming parser: this checks that the whole body is JSON and
 * picks out action, installation, repository and sender, without building the document or decoding the
 * strings it does not need (a full parse of every 20 KB body was half of intake's CPU time).
 */
public final class PayloadSummaryReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            // GitHub's bodies are at most 25 MB; the defaults would refuse long strings within them.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(WebhookResource.MAX_BODY_BYTES)
                    .maxNestingDepth(200)
                    .build())
            .build();

    private PayloadSummaryReader() {
    }

    /** @throws MalformedPayloadException when the body is not a single JSON object */
    public static PayloadSummary read(byte[] body) {
        String action = null;
        Long installationId = null;
        Long repositoryId = null;
        String repositoryFullName = null;
        Long senderId = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("the body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("action".equals(field) && value == JsonToken.VALUE_STRING) {
                    action = parser.getText();
                } else if (("installation".equals(field) || "repository".equals(field) || "sender".equals(field))
                        && value == JsonToken.START_OBJECT) {
                    ObjectFacts facts = readObject(parser);
                    if ("installation".equals(field)) {
                        installationId = facts.id();
                    } else if ("sender".equals(field)) {
                        senderId = facts.id();
                    } else {
                        repositoryId = facts.id();
                        repositoryFullName = facts.fullName();
                    }
                } else {
                    skipValue(parser);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedPayloadException("the JSON object is not closed");
            }
            if (parser.nextToken() != null) {
                throw new MalformedPayloadException("unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayloadException("the body is not valid JSON: " + e.getMessage());
        }
        return new PayloadSummary(action, installationId, repositoryId, repositoryFullName, senderId);
    }

    private record ObjectFacts(Long id, String fullName) {
    }

    /** Reads the id and full_name of a top-level object, validating the rest of it. */
    private static ObjectFacts readObject(JsonParser parser) throws IOException {
        Long id = null;
        String fullName = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(field) && value == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                id = parser.getLongValue();
            } else if ("full_name".equals(field) && value == JsonToken.VALUE_STRING) {
                fullName = parser.getText();
            } else {
                skipValue(parser);
            }
        }
        return new ObjectFacts(id, fullName);
    }

    /** Steps over a value; nested ones are still read to the end, so malformed JSON is caught. */
    private static void skipValue(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
            parser.skipChildren();
        }
    }
}
