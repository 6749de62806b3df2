package io.meritocrab.importing;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the original meritocrab's GitHub Actions state, the two files on a repository's
 * {@code meritocrab-data} branch: {@code credit-data/contributors.json} (GitHub user id → username,
 * credit, is_blacklisted) and {@code credit-data/events.json} (every credit event in the order it was
 * appended: contributor_id, event_type, delta, credit_before, credit_after, pr_number, evaluation_summary,
 * timestamp). The files hold one repository, named by whoever uploads them. An event's key is its place
 * in events.json, which only ever grows at the end.
 */
final class ActionsStateReader {

    private ActionsStateReader() {
    }

    static OriginalLedger read(String repository, JsonValue contributorsFile, JsonValue eventsFile) {
        if (contributorsFile == null || contributorsFile.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ImportRefused.badInput("contributors.json must be an object of GitHub user id → "
                    + "{username, credit, is_blacklisted}");
        }
        if (eventsFile == null || eventsFile.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ImportRefused.badInput("events.json must be an array of credit events");
        }
        List<OriginalLedger.Unmapped> unmapped = new ArrayList<>();
        Map<Long, List<OriginalLedger.Event>> events = events(repository, eventsFile.asJsonArray(), unmapped);
        Map<Long, Boolean> listed = new HashMap<>();
        List<OriginalLedger.Contributor> contributors = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : contributorsFile.asJsonObject().entrySet()) {
            String label = "contributors.json " + entry.getKey();
            try {
                long userId = parseId(entry.getKey());
                JsonObject state = object(entry.getValue());
                int credit = integer(state, "credit");
                if (credit < 0) {
                    unmapped.add(new OriginalLedger.Unmapped(label, "credit " + credit + " is below 0; imported as 0"));
                    credit = 0;
                }
                contributors.add(new OriginalLedger.Contributor(userId, string(state, "username"), credit,
                        state.getBoolean("is_blacklisted", false), events.getOrDefault(userId, List.of()),
                        ImportKeys.contributor(ImportKeys.ACTIONS, repository, userId)));
                listed.put(userId, true);
            } catch (IllegalArgumentException | ClassCastException e) {
                unmapped.add(new OriginalLedger.Unmapped(label, message(e)));
            }
        }
        events.forEach((userId, theirs) -> {
            if (!listed.containsKey(userId)) {
                unmapped.add(new OriginalLedger.Unmapped(theirs.size() + " events of contributor " + userId,
                        "contributor " + userId + " is not in contributors.json"));
            }
        });
        return new OriginalLedger("meritocrab Actions state", List.of(new OriginalLedger.Repository(repository,
                contributors, List.of(), unmapped)), List.of());
    }

    private static Map<Long, List<OriginalLedger.Event>> events(String repository, JsonArray file,
                                                                List<OriginalLedger.Unmapped> unmapped) {
        Map<Long, List<OriginalLedger.Event>> events = new LinkedHashMap<>();
        for (int i = 0; i < file.size(); i++) {
            String label = "events.json [" + i + "]";
            try {
                JsonObject event = object(file.get(i));
                long userId = whole(event, "contributor_id");
                int after = integer(event, "credit_after");
                if (after < 0) {
                    throw new IllegalArgumentException("credit_after " + after + " is below 0");
                }
                Long pullRequest = event.containsKey("pr_number") && !event.isNull("pr_number")
                        ? whole(event, "pr_number") : null;
                events.computeIfAbsent(userId, k -> new ArrayList<>()).add(new OriginalLedger.Event(
                        ImportKeys.of(ImportKeys.contributor(ImportKeys.ACTIONS, repository, userId) + ":event:" + i),
                        string(event, "event_type"), integer(event, "delta"), integer(event, "credit_before"), after,
                        string(event, "timestamp"), optionalString(event, "evaluation_summary"), null, pullRequest));
            } catch (IllegalArgumentException | ClassCastException e) {
                unmapped.add(new OriginalLedger.Unmapped(label, message(e)));
            }
        }
        return events;
    }

    private static JsonObject object(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("not an object");
        }
        return value.asJsonObject();
    }

    private static int integer(JsonObject object, String name) {
        long value = whole(object, name);
        if (value != (int) value) {
            throw new IllegalArgumentException(name + " " + value + " is out of range");
        }
        return (int) value;
    }

    private static long whole(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new IllegalArgumentException(name + " is missing or not a whole number");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " " + number + " is out of range");
        }
    }

    private static String string(JsonObject object, String name) {
        String text = optionalString(object, name);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return text;
    }

    private static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException(name + " is not text");
        }
        return text.getString();
    }

    private static long parseId(String key) {
        try {
            long id = Long.parseLong(key);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not a GitHub user id");
        }
    }

    private static String message(RuntimeException e) {
        return e instanceof ClassCastException ? "a value has the wrong type" : e.getMessage();
    }
}
