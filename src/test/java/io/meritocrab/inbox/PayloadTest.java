package io.meritocrab.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

    private static final String JSON = """
            {
              "action": "opened",
              "number": 42,
              "installation": { "id": 9876543210 },
              "pull_request": {
                "title": "Fix it",
                "body": null,
                "merged": true,
                "draft": false,
                "additions": 12,
                "ratio": 0.5,
                "merged_flag_as_text": "true",
                "user": { "login": "octocat", "id": 583231 },
                "labels": [ { "name": "bug" }, { "name": "docs" } ],
                "empty": []
              }
            }
            """;

    private final Payload cut = parse(JSON);

    private static Payload parse(String json) {
        return Payload.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTextByDottedPath() {
        assertThat(cut.text("action")).isEqualTo("opened");
        assertThat(cut.text("pull_request.title")).isEqualTo("Fix it");
        assertThat(cut.text("pull_request.user.login")).isEqualTo("octocat");
    }

    @Test
    void readsANameOnlyWhenGitHubCouldHaveSentIt() {
        assertThat(cut.name("pull_request.user.login")).isEqualTo("octocat");
        for (String login : List.of("", "octo\\u0000cat", "octo\\tcat", "o".repeat(256))) {
            Payload odd = parse("{\"sender\":{\"login\":\"" + login + "\"}}");
            assertThatThrownBy(() -> odd.name("sender.login")).as(login).isInstanceOf(MalformedPayloadException.class)
                    .hasMessageContaining("sender.login is not a GitHub name");
        }
        assertThat(parse("{\"sender\":{\"login\":\"" + "o".repeat(255) + "\"}}").name("sender.login")).hasSize(255);
    }

    @Test
    void readsNumbersByDottedPath() {
        assertThat(cut.number("number")).isEqualTo(42L);
        assertThat(cut.number("pull_request.user.id")).isEqualTo(583231L);
        assertThat(cut.number("installation.id")).isEqualTo(9_876_543_210L);
    }

    @Test
    void optionalTextFallsBackWhenMissingOrNotText() {
        assertThat(cut.optionalText("pull_request.title", "fallback")).isEqualTo("Fix it");
        assertThat(cut.optionalText("pull_request.missing", "fallback")).isEqualTo("fallback");
        assertThat(cut.optionalText("pull_request.additions", "fallback")).isEqualTo("fallback");
        assertThat(cut.optionalText("pull_request.user", null)).isNull();
    }

    @Test
    void optionalIntFallsBackWhenMissingOrNotAnInteger() {
        assertThat(cut.optionalInt("pull_request.additions", -1)).isEqualTo(12);
        assertThat(cut.optionalInt("pull_request.deletions", -1)).isEqualTo(-1);
        assertThat(cut.optionalInt("pull_request.ratio", -1)).isEqualTo(-1);
        assertThat(cut.optionalInt("pull_request.title", -1)).isEqualTo(-1);
    }

    @Test
    void optionalLongIsNullWhenMissingOrNotAnInteger() {
        assertThat(cut.optionalLong("installation.id")).isEqualTo(9_876_543_210L);
        assertThat(cut.optionalLong("installation.missing")).isNull();
        assertThat(cut.optionalLong("pull_request.ratio")).isNull();
        assertThat(cut.optionalLong("action")).isNull();
    }

    @Test
    void flagIsTrueOnlyForJsonTrue() {
        assertThat(cut.flag("pull_request.merged")).isTrue();
        assertThat(cut.flag("pull_request.draft")).isFalse();
        assertThat(cut.flag("pull_request.missing")).isFalse();
        assertThat(cut.flag("pull_request.merged_flag_as_text")).isFalse();
        assertThat(cut.flag("number")).isFalse();
    }

    @Test
    void arrayGivesTheElements() {
        List<String> names = new ArrayList<>();
        for (JsonValue label : cut.array("pull_request.labels")) {
            names.add(label.asJsonObject().getString("name"));
        }

        assertThat(names).containsExactly("bug", "docs");
    }

    @Test
    void arrayIsEmptyWhenMissingEmptyOrNotAnArray() {
        assertThat(cut.array("pull_request.empty")).isEmpty();
        assertThat(cut.array("pull_request.missing")).isEmpty();
        assertThat(cut.array("pull_request.title")).isEmpty();
        assertThat(cut.array("pull_request.user")).isEmpty();
    }

    @Test
    void objectGivesTheNestedObject() {
        JsonObject user = cut.object("pull_request.user");

        assertThat(user.getString("login")).isEqualTo("octocat");
        assertThat(user.getJsonNumber("id").longValue()).isEqualTo(583231L);
    }

    @Test
    void hasTellsPresentFromMissing() {
        assertThat(cut.has("pull_request.user.login")).isTrue();
        assertThat(cut.has("pull_request.draft")).isTrue();
        assertThat(cut.has("pull_request.user.email")).isFalse();
        assertThat(cut.has("nothing.here")).isFalse();
        // a path that runs through a non-object is missing
        assertThat(cut.has("action.length")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull_request.user.email", "nothing", "nothing.at.all", "action.length"})
    void requiredMissingTextNamesThePath(String path) {
        assertThatThrownBy(() -> cut.text(path))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull_request.deletions", "installation.missing.id"})
    void requiredMissingNumberNamesThePath(String path) {
        assertThatThrownBy(() -> cut.number(path))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining(path);
    }

    @Test
    void requiredMissingObjectNamesThePath() {
        assertThatThrownBy(() -> cut.object("pull_request.head"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.head");
    }

    @Test
    void textOfTheWrongTypeNamesThePath() {
        assertThatThrownBy(() -> cut.text("pull_request.additions"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.additions");
        assertThatThrownBy(() -> cut.text("pull_request.user"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.user");
    }

    @Test
    void numberOfTheWrongTypeNamesThePath() {
        assertThatThrownBy(() -> cut.number("pull_request.title"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.title");
        assertThatThrownBy(() -> cut.number("pull_request.ratio"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.ratio");
        assertThatThrownBy(() -> cut.number("pull_request.merged"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.merged");
    }

    @Test
    void objectOfTheWrongTypeNamesThePath() {
        assertThatThrownBy(() -> cut.object("pull_request.labels"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.labels");
        assertThatThrownBy(() -> cut.object("action"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("action");
    }

    @Test
    void explicitNullIsTreatedAsMissing() {
        assertThat(cut.has("pull_request.body")).isFalse();
        assertThat(cut.optionalText("pull_request.body", "none")).isEqualTo("none");
        assertThat(cut.optionalInt("pull_request.body", 7)).isEqualTo(7);
        assertThat(cut.optionalLong("pull_request.body")).isNull();
        assertThat(cut.flag("pull_request.body")).isFalse();
        assertThat(cut.array("pull_request.body")).isEmpty();
        assertThatThrownBy(() -> cut.text("pull_request.body"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("has no pull_request.body");
        assertThatThrownBy(() -> cut.number("pull_request.body"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("has no pull_request.body");
        assertThatThrownBy(() -> cut.object("pull_request.body"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("has no pull_request.body");
    }

    @Test
    void explicitNullInTheMiddleOfAPathIsMissing() {
        Payload payload = parse("{\"pull_request\": null}");

        assertThat(payload.has("pull_request.user.login")).isFalse();
        assertThatThrownBy(() -> payload.text("pull_request.user.login"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("pull_request.user.login");
    }

    @Test
    void numberRejectsAnIntegerTooLargeForALongAsMalformed() {
        Payload payload = parse("{\"id\": 99999999999999999999}");

        assertThatThrownBy(() -> payload.number("id"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "[{\"a\":1}]", "\"text\"", "42", "{\"a\":", "{\"a\" 1}", "not json"})
    void parseRejectsAnythingButAJsonObject(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void parsedValuesKeepTheirJsonTypes() {
        JsonObject pullRequest = cut.object("pull_request");

        assertThat(pullRequest.get("title")).isInstanceOf(JsonString.class);
        assertThat(pullRequest.get("additions")).isInstanceOf(JsonNumber.class);
    }
}
