package io.meritocrab.importing;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * The Actions mode's files as uploaded: one JSON body {@code {"repository", "contributors", "events"}}
 * (the API) or the two files as they are on the branch (the console), read within the upload cap.
 */
final class ActionsUpload {

    private ActionsUpload() {
    }

    record Files(String repository, JsonValue contributors, JsonValue events) {
    }

    static Files body(InputStream body, long maxBytes) {
        JsonValue value = parse(Uploads.bytes(body, maxBytes), "the body");
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ImportRefused.badInput("the body must be a JSON object: {repository, contributors, events}");
        }
        JsonObject files = value.asJsonObject();
        JsonValue repository = files.get("repository");
        if (!(repository instanceof JsonString name)) {
            throw ImportRefused.badInput("repository (owner/name) is required");
        }
        return new Files(name.getString(), files.get("contributors"), files.get("events"));
    }

    static JsonValue file(InputStream upload, long maxBytes, String name) {
        return parse(Uploads.bytes(upload, maxBytes), name);
    }

    private static JsonValue parse(byte[] bytes, String what) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw ImportRefused.badInput(what + " is not valid JSON: " + e.getMessage());
        }
    }
}
