package io.meritocrab.shared;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.GitHubUser;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reading and changing an installation's shared lists for the console and the admin API, with the same
 * authorization for both ({@link InstallationRoles}): owners change, owners and maintainers read, anyone
 * else is refused. A login is resolved to its permanent user id through the App before it is stored.
 */
@ApplicationScoped
public class SharedListDesk {

    static final int MAX_REASON = 1000;

    @Inject
    SharedListStore store;
    @Inject
    InstallationRoles roles;
    @Inject
    RepositoryAccess access;
    @Inject
    GitHubClient github;

    private final Clock clock = Clock.systemUTC();

    /** The installations of the repositories the user maintains. */
    public List<SharedInstallation> visibleTo(ConsoleUser user) {
        return access.visibleTo(user).stream().map(TrackedRepository::installationId).filter(Objects::nonNull)
                .distinct().sorted().map(id -> describe(user, id)).toList();
    }

    public SharedInstallation installation(ConsoleUser user, long installationId) {
        requireReader(user, installationId);
        return describe(user, installationId);
    }

    public List<SharedEntryView> entries(ConsoleUser user, long installationId, SharedList list) {
        requireReader(user, installationId);
        Instant now = clock.instant();
        return store.entries(installationId, list).stream().map(e -> SharedEntryView.of(e, now)).toList();
    }

    public List<SharedChangeView> changes(ConsoleUser user, long installationId) {
        requireReader(user, installationId);
        return store.changes(installationId).stream().map(SharedChangeView::of).toList();
    }

    public SharedEntryView add(ConsoleUser user, long installationId, SharedList list, String login, String reason,
                               Instant expiresAt) {
        requireOwner(user, installationId);
        Instant now = clock.instant();
        if (login == null || login.isBlank()) {
            throw new SharedListException.Invalid("login is required");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new SharedListException.Invalid("expiresAt must be in the future");
        }
        GitHubUser account = resolve(installationId, login.strip().replaceFirst("^@", ""));
        return SharedEntryView.of(store.add(installationId, list, account.id(), account.login(), user.login(),
                reason(reason), expiresAt, now), now);
    }

    public SharedEntryView remove(ConsoleUser user, long installationId, SharedList list, long userId, String reason) {
        requireOwner(user, installationId);
        Instant now = clock.instant();
        return store.remove(installationId, list, userId, user.login(), reason(reason), now)
                .map(e -> SharedEntryView.of(e, now))
                .orElseThrow(() -> new SharedListException.Unknown("user " + userId + " is not on the "
                        + list.pathName() + " list"));
    }

    private SharedInstallation describe(ConsoleUser user, long installationId) {
        return new SharedInstallation(installationId, roles.account(installationId)
                .orElse("installation " + installationId), roles.owns(user, installationId));
    }

    private GitHubUser resolve(long installationId, String login) {
        try {
            return github.user(installationId, login)
                    .orElseThrow(() -> new SharedListException.Unknown("no GitHub user " + login));
        } catch (GitHubException e) {
            throw new SharedListException.Unavailable("GitHub could not be asked who " + login + " is: "
                    + e.getMessage());
        }
    }

    private void requireOwner(ConsoleUser user, long installationId) {
        if (!roles.owns(user, installationId)) {
            throw new SharedListException.Forbidden("only the owners of the installation change its shared lists");
        }
    }

    private void requireReader(ConsoleUser user, long installationId) {
        if (!roles.reads(user, installationId)) {
            throw new SharedListException.Forbidden("only the owners of the installation and the maintainers of "
                    + "its repositories see its shared lists");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw new SharedListException.Invalid("reason has more than " + MAX_REASON + " characters");
        }
        return reason.strip();
    }
}
