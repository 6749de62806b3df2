package io.meritocrab.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.github.PublicRecord.PastPullRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicRecordQueryTest {

    @Test
    void theQueryAsksForTheAccountAndBothKindsOfClosedPullRequestsByLogin() {
        JsonObject body = json(PublicRecordQuery.body("octo-cat"));

        assertThat(body.getJsonObject("variables").getString("login")).isEqualTo("octo-cat");
        assertThat(body.getString("query")).contains("user(login: $login)", "createdAt",
                "merged: pullRequests(states: MERGED, first: 100", "closed: pullRequests(states: CLOSED, first: 100",
                "repository { databaseId }");
    }

    @Test
    void theAnswerGivesTheAccountsCreationAndItsPullRequests() {
        PublicRecord record = PublicRecordQuery.parse(json("""
                {"data": {"user": {"createdAt": "2020-01-02T03:04:05Z",
                  "merged": {"nodes": [{"createdAt": "2026-11-01T00:00:00Z", "repository": {"databaseId": 7}}]},
                  "closed": {"nodes": [{"createdAt": "2026-10-01T00:00:00Z", "repository": null}]}}}}
                """), "octo-cat").orElseThrow();

        assertThat(record.accountCreatedAt()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(record.pullRequests()).containsExactly(
                new PastPullRequest(7, true, Instant.parse("2026-11-01T00:00:00Z")),
                new PastPullRequest(0, false, Instant.parse("2026-10-01T00:00:00Z")));
    }

    @Test
    void aUserGitHubDoesNotKnowHasNoRecord() {
        assertThat(PublicRecordQuery.parse(json("""
                {"data": {"user": null}, "errors": [{"type": "NOT_FOUND", "message": "Could not resolve"}]}
                """), "ghost")).isEmpty();
    }

    @Test
    void otherErrorsInTheAnswerAreAFailureThatMayPass() {
        assertThatThrownBy(() -> PublicRecordQuery.parse(json("""
                {"data": null, "errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}]}
                """), "octo-cat"))
                .isInstanceOf(GitHubException.class)
                .hasMessage("read the record of octo-cat: GitHub's GraphQL answer has errors: API rate limit exceeded")
                .matches(e -> ((GitHubException) e).retryable());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
