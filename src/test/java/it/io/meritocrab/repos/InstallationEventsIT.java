package it.io.meritocrab.repos;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.MeritocrabIT;
import org.junit.jupiter.api.Test;

/** Installing, changing and uninstalling the App decides which repositories are served. */
class InstallationEventsIT extends MeritocrabIT {

    @Test
    void installedRepositoriesAreServedAndRemovedOnesKeepTheirLedgerButEarnNothingMore() {
        long installation = GitHubPayloads.uniqueId();
        Repo kept = new Repo(GitHubPayloads.uniqueId(), "acme-" + installation, "kept", installation);
        Repo removed = new Repo(GitHubPayloads.uniqueId(), "acme-" + installation, "removed", installation);
        User kim = User.human("kim");

        deliver("installation", GitHubPayloads.installation("created", installation, kept.owner(), kept, removed));
        assertThat(served(kept)).isTrue();
        assertThat(served(removed)).isTrue();
        deliver("issue_comment", GitHubPayloads.issueComment(removed, kim, 1, "+1"));

        String outcome = deliver("installation_repositories", GitHubPayloads.installationRepositories(installation,
                kept.owner(), new Repo[0], new Repo[] {removed}));
        assertThat(outcome).contains("1 removed");
        assertThat(served(removed)).isFalse();
        assertThat(deliver("issue_comment", GitHubPayloads.issueComment(removed, kim, 1, "+1"))).contains("not served");
        assertThat(api.json(removed.apiPath() + "/contributors/kim").getInt("credit")).isEqualTo(98);

        deliver("installation", GitHubPayloads.installation("deleted", installation, kept.owner(), kept));
        assertThat(served(kept)).isFalse();
        assertThat(Inbox.row("SELECT active FROM installation WHERE id = ?", installation)).containsEntry("active", false);

        deliver("installation_repositories", GitHubPayloads.installationRepositories(installation, kept.owner(),
                new Repo[] {removed}, new Repo[0]));
        assertThat(served(removed)).isTrue();
    }

    @Test
    void renamedRepositoryIsFoundUnderItsNewName() {
        Repo before = GitHubPayloads.newRepo("rename");
        Repo after = new Repo(before.id(), before.owner(), "renamed", before.installationId());
        User lou = User.human("lou");

        deliver("issue_comment", GitHubPayloads.issueComment(before, lou, 1, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(after, lou, 1, "+1"));

        assertThat(api.json(after.apiPath() + "/contributors/lou").getInt("credit")).isEqualTo(96);
        assertThat(api.get(before.apiPath() + "/contributors/lou").statusCode()).isEqualTo(404);
    }

    private boolean served(Repo repo) {
        return (Boolean) Inbox.row("SELECT served FROM repository WHERE id = ?", repo.id()).get("served");
    }

}
