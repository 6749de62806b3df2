package io.meritocrab.github;

/** A GitHub account: its id never changes, its login may. */
public record GitHubUser(long id, String login, String type) {
}
