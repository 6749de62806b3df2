package io.meritocrab.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** A few lines telling a maintainer what a stored delivery was about (who, what, which issue or PR). */
final class DeliveryPayloads {

    private static final int MAX_PARSED = 2 * 1024 * 1024;
    private static final int MAX_TEXT = 200;

    private DeliveryPayloads() {
    }

    static String summary(byte[] payload) {
        if (payload == null) {
            return "no payload stored";
        }
        if (payload.length > MAX_PARSED) {
            return "payload of " + payload.length + " bytes (too large to summarise)";
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(payload))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return "payload is not a JSON object";
            }
            JsonObject root = value.asJsonObject();
            List<String> lines = new ArrayList<>();
            add(lines, "action", text(root, "action"));
            add(lines, "repository", text(root, "repository", "full_name"));
            add(lines, "sender", text(root, "sender", "login"));
            for (String subject : List.of("pull_request", "issue")) {
                add(lines, subject.replace('_', ' ') + " #", text(root, subject, "number"));
                add(lines, subject.replace('_', ' ') + " title", text(root, subject, "title"));
            }
            add(lines, "comment by", text(root, "comment", "user", "login"));
            add(lines, "comment", text(root, "comment", "body"));
            add(lines, "review by", text(root, "review", "user", "login"));
            lines.add(payload.length + " bytes");
            return String.join("\n", lines);
        } catch (JsonException e) {
            return "payload is not valid JSON (" + payload.length + " bytes)";
        }
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null) {
            lines.add(label + (label.endsWith("#") ? "" : ": ") + value);
        }
    }

    private static String text(JsonObject root, String... path) {
        JsonValue value = root;
        for (String name : path) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT || !value.asJsonObject().containsKey(name)) {
                return null;
            }
            value = value.asJsonObject().get(name);
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> null;
        };
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
    }
}
