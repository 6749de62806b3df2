package io.meritocrab.github;

import jakarta.ws.rs.core.Response;
import java.util.function.BiFunction;

/**
 * One GitHub request: what it is (for logs and errors), who makes it (the App itself, or an
 * installation), whether it writes, whether it goes to the GraphQL endpoint, and how to send it given an
 * `Authorization` header value.
 */
record GitHubCall(String operation, Long installationId, boolean write, boolean graphql,
                  BiFunction<GitHubApi, String, Response> request) {

    static GitHubCall asApp(String operation, BiFunction<GitHubApi, String, Response> request) {
        return new GitHubCall(operation, null, false, false, request);
    }

    static GitHubCall asAppWrite(String operation, BiFunction<GitHubApi, String, Response> request) {
        return new GitHubCall(operation, null, true, false, request);
    }

    /** Writes of the App itself share one lane; installations have one each. */
    long lane() {
        return installationId == null ? -1L : installationId;
    }

    static GitHubCall read(String operation, long installationId, BiFunction<GitHubApi, String, Response> request) {
        return new GitHubCall(operation, installationId, false, false, request);
    }

    static GitHubCall write(String operation, long installationId, BiFunction<GitHubApi, String, Response> request) {
        return new GitHubCall(operation, installationId, true, false, request);
    }

    /** A GraphQL query of an installation: a read, sent to the GraphQL endpoint's base. */
    static GitHubCall graphql(String operation, long installationId, BiFunction<GitHubApi, String, Response> request) {
        return new GitHubCall(operation, installationId, false, true, request);
    }
}
