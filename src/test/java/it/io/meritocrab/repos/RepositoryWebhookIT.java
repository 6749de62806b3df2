package it.io.meritocrab.repos;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.MeritocrabIT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook configured on a repository rather than through the App sends deliveries without
 * `installation`. They are processed like any other (the contributor is scored), and what would need
 * the App on GitHub ends with that reason instead of a retry loop. Runs on PostgreSQL and on H2.
 */
class RepositoryWebhookIT extends MeritocrabIT {

    @Test
    void firstDeliveryOfARepositoryWithoutInstallationIsProcessedAndScored() {
        Repo repo = GitHubPayloads.newRepo("plain-hook");
        User commenter = User.human("plain");

        String outcome = deliver("issue_comment",
                GitHubPayloads.withoutInstallation(GitHubPayloads.issueComment(repo, commenter, 1, "+1")));

        assertThat(outcome).contains("evaluated");
        assertThat(Inbox.row("SELECT installation_id FROM repository WHERE id = ?", repo.id()))
                .containsEntry("installation_id", null);
        assertThat(api.json(repo.apiPath() + "/contributors/plain").getInt("credit")).isEqualTo(98);
    }

    @Test
    void gateActionWithoutInstallationEndsFailedNamingIt() {
        Repo repo = GitHubPayloads.newRepo("plain-gate");
        User author = User.human("plainspam");
        for (int number = 1; number <= 4; number++) {
            deliver("pull_request", GitHubPayloads.withoutInstallation(GitHubPayloads.pullRequestOpened(repo, author,
                    number, "Best deals", Enforcement.SPAM_PR_BODY, 3, 0, 1)));
        }

        Map<String, Object> action = Enforcement.awaitAction(repo, 4, Duration.ofSeconds(20));

        assertThat(action).containsEntry("decision", "CLOSE_BELOW_THRESHOLD").containsEntry("status", "FAILED");
        assertThat((String) action.get("outcome")).contains("no installation");
        assertThat(Enforcement.writesAbout(repo, 4)).isEmpty();
    }
}
