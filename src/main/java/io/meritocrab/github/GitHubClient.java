package io.meritocrab.github;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the server asks of GitHub, as the App, through the installation that serves a repository.
 * Every method throws {@link GitHubException} when GitHub cannot be reached or refuses.
 */
@ApplicationScoped
public class GitHubClient {

    /** The user's role on the repository (GitHub's collaborator permission, `role_name`). */
    public RepositoryRole roleOf(RepositoryRef repository, String login) {
        throw notConfigured();
    }

    /** Whether the user is a public or private member of the organisation. */
    public boolean isOrganisationMember(long installationId, String organisation, String login) {
        throw notConfigured();
    }

    /** A file's text on the repository's default branch; empty when the file does not exist. */
    public Optional<String> fileOnDefaultBranch(RepositoryRef repository, String path) {
        throw notConfigured();
    }

    /** The pull request's unified diff, cut to at most {@code maxBytes}; empty when GitHub has none. */
    public Optional<String> pullRequestDiff(RepositoryRef repository, int number, int maxBytes) {
        throw notConfigured();
    }

    private static GitHubException notConfigured() {
        return new GitHubException("the GitHub App is not configured", false);
    }
}
