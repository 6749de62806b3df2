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
        assertThat(body.getString("query")).contains("user(login: $login) { databaseId login createdAt",
                "merged: pullRequests(states: MERGED, first: 100", "closed: pullRequests(states: CLOSED, first: 100",
                "mergedBy { login } repository { databaseId owner { login } }");
    }

    @Test
    void theAnswerGivesTheAccountsCreationAndItsPullRequests() {
        PublicRecord record = PublicRecordQuery.parse(json("""
                {"data": {"user": {"databaseId": 42, "login": "octo-cat", "createdAt": "2020-01-02T03:04:05Z",
                  "merged": {"nodes": [{"createdAt": "2026-11-01T00:00:00Z", "mergedBy": {"login": "keeper"},
                                        "repository": {"databaseId": 7, "owner": {"login": "acme"}}}]},
                  "closed": {"nodes": [{"createdAt": "2026-10-01T00:00:00Z", "mergedBy": null, "repository": null}]}}}}
                """), "octo-cat", 42).orElseThrow();

        assertThat(record.accountCreatedAt()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(record.pullRequests()).containsExactly(
                new PastPullRequest(7, true, Instant.parse("2026-11-01T00:00:00Z")),
                new PastPullRequest(0, false, Instant.parse("2026-10-01T00:00:00Z")));
    }

    @Test
    void aUserGitHubDoesNotKnowHasNoRecord() {
        assertThat(PublicRecordQuery.parse(json("""
                {"data": {"user": null}, "errors": [{"type": "NOT_FOUND", "message": "Could not resolve"}]}
                """), "ghost", 1)).isEmpty();
    }

    @Test
    void pullRequestsInTheirOwnRepositoriesOrMergedByThemselvesDoNotCount() {
        PublicRecord record = PublicRecordQuery.parse(json("""
                {"data": {"user": {"databaseId": 42, "login": "Farmer", "createdAt": "2026-11-30T00:00:00Z",
                  "merged": {"nodes": [
                    {"createdAt": "2026-12-01T00:00:00Z", "mergedBy": {"login": "farmer"},
                     "repository": {"databaseId": 8, "owner": {"login": "farm-org"}}},
                    {"createdAt": "2026-12-01T00:00:00Z", "mergedBy": {"login": "a-friend"},
                     "repository": {"databaseId": 9, "owner": {"login": "FARMER"}}},
                    {"createdAt": "2026-12-01T00:00:00Z", "mergedBy": {"login": "keeper"},
                     "repository": {"databaseId": 7, "owner": {"login": "acme"}}}]},
                  "closed": {"nodes": []}}}}
                """), "farmer", 42).orElseThrow();

        assertThat(record.pullRequests()).containsExactly(new PastPullRequest(7, true, Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void aLoginNowNamingAnotherAccountHasNoRecord() {
        assertThat(PublicRecordQuery.parse(json("""
                {"data": {"user": {"databaseId": 99, "login": "octo-cat", "createdAt": "2026-12-01T00:00:00Z",
                  "merged": {"nodes": []}, "closed": {"nodes": []}}}}
                """), "octo-cat", 42)).isEmpty();
    }

    @Test
    void otherErrorsInTheAnswerAreAFailureThatMayPass() {
        assertThatThrownBy(() -> PublicRecordQuery.parse(json("""
                {"data": null, "errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}]}
                """), "octo-cat", 42))
                .isInstanceOf(GitHubException.class)
                .hasMessage("read the record of octo-cat: GitHub's GraphQL answer has errors: API rate limit exceeded")
                .matches(e -> ((GitHubException) e).retryable());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
