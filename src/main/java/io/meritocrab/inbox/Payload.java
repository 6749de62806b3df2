package io.meritocrab.inbox;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Read access to a webhook payload by dotted path ("pull_request.user.login"). A required value that
 * is missing means the payload is not what GitHub sends, which retrying cannot fix.
 */
public final class Payload {

    /** Made once: {@code Json.createReader} looks its provider up through a ServiceLoader on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject root;

    private Payload(JsonObject root) {
        this.root = root;
    }

    public static Payload parse(byte[] body) {
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            return new Payload(reader.readObject());
        } catch (RuntimeException e) {
            throw new MalformedPayloadException("the payload is not a JSON object: " + e.getMessage());
        }
    }

    public boolean has(String path) {
        JsonValue value = find(path);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    public String text(String path) {
        JsonValue value = require(path);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new MalformedPayloadException(path + " is not a string");
    }

    /** A login or repository full name, as {@link GitHubName#require} accepts it. */
    public String name(String path) {
        return GitHubName.require(text(path), path);
    }

    public String optionalText(String path, String fallback) {
        JsonValue value = find(path);
        return value instanceof JsonString string ? string.getString() : fallback;
    }

    public long number(String path) {
        JsonValue value = require(path);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooLarge) {
                throw new MalformedPayloadException(path + " is out of range");
            }
        }
        throw new MalformedPayloadException(path + " is not an integer");
    }

    public int optionalInt(String path, int fallback) {
        Long value = optionalLong(path);
        return value != null && value == value.intValue() ? value.intValue() : fallback;
    }

    public Long optionalLong(String path) {
        JsonValue value = find(path);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException outOfRange) {
                return null;
            }
        }
        return null;
    }

    public boolean flag(String path) {
        return find(path) == JsonValue.TRUE;
    }

    public JsonObject object(String path) {
        JsonValue value = require(path);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new MalformedPayloadException(path + " is not an object");
    }

    public Iterable<JsonValue> array(String path) {
        JsonValue value = find(path);
        return value != null && value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : java.util.List.of();
    }

    private JsonValue require(String path) {
        JsonValue value = find(path);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new MalformedPayloadException("the payload has no " + path);
        }
        return value;
    }

    private JsonValue find(String path) {
        JsonValue current = root;
        for (String part : path.split("\\.")) {
            if (!(current instanceof JsonObject object)) {
                return null;
            }
            current = object.get(part);
        }
        return current;
    }
}
