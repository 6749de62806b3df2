package io.meritocrab.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.inbox.MalformedPayloadException;
import io.meritocrab.inbox.PayloadSummary;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadSummaryReaderTest {

    /**
     * A pull_request delivery shaped like GitHub's, with the decoys first: nested "id", "repository",
     * "installation", "full_name" and "action" keys deeper than the top-level ones, and a top-level "id".
     */
    private static final String PULL_REQUEST_OPENED = """
            {
              "id": 111,
              "action": "opened",
              "number": 42,
              "pull_request": {
                "id": 222,
                "number": 42,
                "action": "nested-action",
                "title": "Fix the thing",
                "user": { "login": "octocat", "id": 333, "type": "User" },
                "labels": [ { "id": 444, "name": "bug" } ],
                "head": {
                  "ref": "fix",
                  "repo": { "id": 555, "full_name": "octocat/fork" },
                  "repository": { "id": 666, "full_name": "decoy/nested-repository" }
                },
                "base": {
                  "ref": "main",
                  "repo": { "id": 777, "full_name": "acme/widgets" }
                },
                "installation": { "id": 888 },
                "draft": false,
                "additions": 10
              },
              "repository": {
                "owner": { "login": "acme", "id": 999 },
                "parent": { "id": 1010, "full_name": "upstream/widgets" },
                "id": 123456789012,
                "name": "widgets",
                "full_name": "acme/widgets",
                "topics": [ 1, 2, 3 ],
                "private": false,
                "license": { "key": "mit", "id": 1111 }
              },
              "sender": { "login": "octocat", "id": 333, "installation": { "id": 1212 } },
              "installation": { "node_id": "MDIz", "account": { "id": 1313 }, "id": 4242 },
              "organization": { "id": 1414, "repository": { "id": 1515 } }
            }
            """;

    private static PayloadSummary read(String json) {
        return PayloadSummaryReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void extractsTheTopLevelFactsFromARealisticPullRequestPayload() {
        PayloadSummary summary = read(PULL_REQUEST_OPENED);

        assertThat(summary).isEqualTo(new PayloadSummary("opened", 4242L, 123456789012L, "acme/widgets", 333L));
    }

    @Test
    void nestedIdsAreNotMistakenForTopLevelOnesWhicheverComesFirst() {
        PayloadSummary summary = read("""
                {
                  "repository": { "id": 7, "owner": { "id": 70 }, "full_name": "a/b", "parent": { "full_name": "c/d" } },
                  "installation": { "id": 8, "account": { "id": 80 } },
                  "pull_request": { "repository": { "id": 9, "full_name": "e/f" }, "installation": { "id": 90 } },
                  "action": "closed"
                }
                """);

        assertThat(summary).isEqualTo(new PayloadSummary("closed", 8L, 7L, "a/b", null));
    }

    @Test
    void onlyNestedRepositoryAndInstallationGiveNulls() {
        PayloadSummary summary = read("""
                {
                  "id": 1,
                  "pull_request": { "id": 2, "action": "x", "repository": { "id": 3, "full_name": "n/n" } },
                  "sender": { "installation": { "id": 4 } }
                }
                """);

        assertThat(summary).isEqualTo(new PayloadSummary(null, null, null, null, null));
    }

    @Test
    void emptyObjectGivesAllNulls() {
        assertThat(read("{}")).isEqualTo(new PayloadSummary(null, null, null, null, null));
    }

    @Test
    void missingFieldsGiveNullsIndividually() {
        assertThat(read("{\"action\":\"created\"}")).isEqualTo(new PayloadSummary("created", null, null, null, null));
        assertThat(read("{\"installation\":{\"id\":5}}")).isEqualTo(new PayloadSummary(null, 5L, null, null, null));
        assertThat(read("{\"repository\":{\"full_name\":\"o/r\"}}"))
                .isEqualTo(new PayloadSummary(null, null, null, "o/r", null));
        assertThat(read("{\"repository\":{\"id\":6}}")).isEqualTo(new PayloadSummary(null, null, 6L, null, null));
        assertThat(read("{\"sender\":{\"login\":\"x\",\"id\":9}}")).isEqualTo(new PayloadSummary(null, null, null, null, 9L));
    }

    @Test
    void valuesOfTheWrongTypeAreTreatedAsMissing() {
        PayloadSummary summary = read("""
                {"action": 3, "installation": {"id": "12"}, "repository": {"id": 1.5, "full_name": 9}}
                """);

        assertThat(summary).isEqualTo(new PayloadSummary(null, null, null, null, null));
    }

    @Test
    void explicitNullsGiveNulls() {
        PayloadSummary summary = read("""
                {"action": null, "installation": null, "repository": {"id": null, "full_name": null}}
                """);

        assertThat(summary).isEqualTo(new PayloadSummary(null, null, null, null, null));
    }

    @Test
    void acceptsSurroundingWhitespace() {
        assertThat(read("  \n {\"action\":\"opened\"} \n\t "))
                .isEqualTo(new PayloadSummary("opened", null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"action\": opened}",
            "{\"action\" \"opened\"}",
            "{'action': 'opened'}",
            "{\"action\": \"opened\",}",
            "{\"repository\": {\"id\": 1]}",
            "not json at all"})
    void rejectsMalformedJson(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"",
            "{\"action\"",
            "{\"action\": \"opened\"",
            "{\"action\": \"opened\", \"repository\": {\"id\": 1}",
            "{\"action\": \"open"})
    void rejectsTruncatedJson(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void rejectsATruncatedRealisticPayload() {
        String truncated = PULL_REQUEST_OPENED.substring(0, PULL_REQUEST_OPENED.lastIndexOf('}'));

        assertThatThrownBy(() -> read(truncated)).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"action\":\"opened\"}]", "[1, 2]"})
    void rejectsAJsonArray(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"opened\"", "42", "true", "null"})
    void rejectsABareScalar(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"action\":\"opened\"} garbage",
            "{\"action\":\"opened\"}}",
            "{\"action\":\"opened\"}{}",
            "{\"action\":\"opened\"} {\"action\":\"closed\"}",
            "{\"action\":\"opened\"},",
            "{} 1"})
    void rejectsTrailingContentAfterTheObject(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  ", "\n\t ", "\r\n\r\n"})
    void rejectsABlankBody(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "x"})
    void rejectsAnEmptyOrOneByteBody(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }
}
