package io.meritocrab.shared;

import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * What the gate asks of the shared lists, for a repository that opted in (`[shared]` in its
 * `.meritocrab.toml`): {@code gate.PullRequestGate} asks whether the author is denied, in the delivery's
 * transaction (a database read, no GitHub), and shadow-closes them like a blacklisted contributor;
 * {@code outbox.GateExemptions} asks whether they are trusted when the action comes due, beside the
 * repository's own `trusted` list. An expired entry counts for nothing.
 */
@ApplicationScoped
public class SharedLists {

    @Inject
    SharedListStore store;
    @Inject
    RepositoryConfigs configs;
    @Inject
    RepositoryDirectory directory;

    private final Clock clock = Clock.systemUTC();

    public boolean denies(long repositoryId, long userId) {
        return configs.shared(repositoryId).deny() && onList(repositoryId, SharedList.DENY, userId);
    }

    public boolean trusts(long repositoryId, long userId) {
        return configs.shared(repositoryId).trust() && onList(repositoryId, SharedList.TRUST, userId);
    }

    private boolean onList(long repositoryId, SharedList list, long userId) {
        Optional<Long> installation = directory.find(repositoryId).map(TrackedRepository::installationId);
        return installation.isPresent() && store.inForce(installation.get(), list, userId, clock.instant());
    }
}
