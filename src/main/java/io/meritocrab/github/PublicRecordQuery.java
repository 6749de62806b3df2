package io.meritocrab.github;

import io.meritocrab.github.PublicRecord.PastPullRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GraphQL query behind {@link PublicRecord}: one request (one point of GraphQL's budget, instead of the
 * search API's 30 a minute) for the account's creation and its latest merged and closed pull requests with
 * their repository; which of them count is decided by the caller.
 */
final class PublicRecordQuery {

    static final int PER_STATE = 100;
    private static final String PAGE = ", first: " + PER_STATE + ", orderBy: {field: CREATED_AT, direction: DESC}) "
            + "{ nodes { createdAt mergedBy { login } repository { databaseId owner { login } } } }";
    static final String QUERY = "query($login: String!) { user(login: $login) { databaseId login createdAt "
            + "merged: pullRequests(states: MERGED" + PAGE + " closed: pullRequests(states: CLOSED" + PAGE + " } }";

    private PublicRecordQuery() {
    }

    static String body(String login) {
        return Json.createObjectBuilder().add("query", QUERY)
                .add("variables", Json.createObjectBuilder().add("login", login)).build().toString();
    }

    /**
     * The record in GraphQL's answer; empty when there is no such user, or when the login now names
     * another account than {@code userId} (renamed, and taken by someone else). Pull requests in the
     * user's own repositories and those they merged themselves are left out: anyone can make those in a
     * minute. Errors in the answer (GitHub answers them with 200) are a failure that may pass.
     */
    static Optional<PublicRecord> parse(JsonObject answer, String login, long userId) {
        if (answer.containsKey("errors") && !answer.isNull("errors")) {
            JsonArray errors = answer.getJsonArray("errors");
            boolean notFound = !errors.isEmpty() && errors.stream().allMatch(error -> error.getValueType()
                    == JsonValue.ValueType.OBJECT && "NOT_FOUND".equals(error.asJsonObject().getString("type", "")));
            if (notFound) {
                return Optional.empty();
            }
            throw new GitHubException("read the record of " + login + ": GitHub's GraphQL answer has errors: "
                    + firstMessage(errors), true);
        }
        JsonObject data = answer.getJsonObject("data");
        if (data == null || data.isNull("user")) {
            return Optional.empty();
        }
        JsonObject user = data.getJsonObject("user");
        if (user.get("databaseId") instanceof JsonNumber id && id.longValue() != userId) {
            return Optional.empty();
        }
        String currentLogin = user.getString("login", login);
        List<PastPullRequest> pullRequests = new ArrayList<>();
        read(user, "merged", true, currentLogin, pullRequests);
        read(user, "closed", false, currentLogin, pullRequests);
        return Optional.of(new PublicRecord(OffsetDateTime.parse(user.getString("createdAt")).toInstant(),
                pullRequests));
    }

    private static void read(JsonObject user, String alias, boolean merged, String login, List<PastPullRequest> into) {
        if (!user.containsKey(alias) || user.isNull(alias)) {
            return;
        }
        for (JsonValue value : user.getJsonObject(alias).getJsonArray("nodes")) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject node = value.asJsonObject();
            JsonObject repository = node.isNull("repository") ? null : node.getJsonObject("repository");
            if (login.equalsIgnoreCase(loginOf(repository, "owner")) || login.equalsIgnoreCase(loginOf(node, "mergedBy"))) {
                continue;
            }
            // A deleted repository has no id: it is elsewhere all the same.
            long repositoryId = repository == null || repository.isNull("databaseId") ? 0
                    : repository.getJsonNumber("databaseId").longValue();
            into.add(new PastPullRequest(repositoryId, merged,
                    OffsetDateTime.parse(node.getString("createdAt")).toInstant()));
        }
    }

    /** The login of an actor field ({@code owner}, {@code mergedBy}); empty when absent (a deleted account). */
    private static String loginOf(JsonObject object, String field) {
        return object != null && object.get(field) instanceof JsonObject actor
                && actor.get("login") instanceof JsonString name ? name.getString() : "";
    }

    private static String firstMessage(JsonArray errors) {
        JsonValue first = errors.isEmpty() ? null : errors.get(0);
        return first != null && first.getValueType() == JsonValue.ValueType.OBJECT
                ? first.asJsonObject().getString("message", "unknown error") : "unknown error";
    }
}
