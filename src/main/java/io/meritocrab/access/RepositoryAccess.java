package io.meritocrab.access;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.github.RepositoryRole;
import io.meritocrab.platform.ExpiringCache;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides which repositories a user may see and change: operators all, a GitHub user those where GitHub
 * says they are admin or maintain. Roles are cached by {@link GitHubClient} (`meritocrab.github.role-cache`);
 * a check that fails (GitHub unreachable, App not configured) means no access, remembered for 30 s so a
 * page listing many repositories does not ask an unreachable GitHub again for each. Anyone with a GitHub
 * account can sign in, so the questions asked on their behalf (on the App's quota) are limited
 * ({@link RoleLookupBudget}): beyond the limit, a repository whose role is not cached yet is not
 * shown for now, and is asked about on a later page.
 */
@ApplicationScoped
public class RepositoryAccess {

    private static final Logger LOG = Logger.getLogger(RepositoryAccess.class.getName());
    private static final Duration FAILURE_TTL = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 100_000;

    @Inject
    GitHubClient github;
    @Inject
    RepositoryDirectory directory;
    @Inject
    RoleLookupBudget budget;

    private final Clock clock = Clock.systemUTC();
    private final ExpiringCache<String, Boolean> failures = new ExpiringCache<>(MAX_CACHED);

    public boolean maintains(ConsoleUser user, TrackedRepository repository) {
        if (user.operator()) {
            return true;
        }
        if (repository.installationId() == null) {
            return false;
        }
        String key = user.login().toLowerCase(Locale.ROOT) + "\n" + repository.id();
        Instant now = clock.instant();
        if (failures.get(key, now).isPresent()) {
            return false;
        }
        RepositoryRef ref = new RepositoryRef(repository.installationId(), repository.fullName());
        Optional<RepositoryRole> cached = github.cachedRoleOf(ref, user.login());
        if (cached.isPresent()) {
            return cached.get().maintains();
        }
        if (!budget.take(user.login())) {
            LOG.fine(() -> "role lookups for " + user.login() + " are used up for now; " + repository.fullName()
                    + " is not shown");
            return false;
        }
        try {
            return github.roleOf(ref, user.login()).maintains();
        } catch (RuntimeException e) {
            LOG.warning("could not check " + user.login() + "'s role on " + repository.fullName() + ": " + e.getMessage());
            failures.put(key, Boolean.TRUE, now.plus(FAILURE_TTL), now);
            return false;
        }
    }

    /** The served repositories the user may see, by name. */
    public List<TrackedRepository> visibleTo(ConsoleUser user) {
        return directory.served().stream().filter(r -> maintains(user, r)).toList();
    }

    /** The repository by owner/name if it exists and the user may see it; otherwise not allowed. */
    public TrackedRepository require(ConsoleUser user, String fullName) {
        return directory.findByFullName(fullName)
                .filter(r -> maintains(user, r))
                .orElseThrow(() -> new NotAllowedException("unknown repository " + fullName));
    }
}
