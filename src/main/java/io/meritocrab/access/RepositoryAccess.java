package io.meritocrab.access;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Decides which repositories a user may see and change: operators all, a GitHub user those where GitHub
 * says they are admin or maintain. Roles are cached by {@link GitHubClient} (`meritocrab.github.role-cache`);
 * a check that fails (GitHub unreachable, App not configured) means no access, remembered for 30 s so a
 * page listing many repositories does not ask an unreachable GitHub again for each.
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

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> failures = new ConcurrentHashMap<>();

    public boolean maintains(ConsoleUser user, TrackedRepository repository) {
        if (user.operator()) {
            return true;
        }
        if (repository.installationId() == null) {
            return false;
        }
        String key = user.login().toLowerCase(Locale.ROOT) + "\n" + repository.id();
        Instant now = clock.instant();
        Instant failedUntil = failures.get(key);
        if (failedUntil != null && failedUntil.isAfter(now)) {
            return false;
        }
        try {
            return github.roleOf(new RepositoryRef(repository.installationId(), repository.fullName()), user.login())
                    .maintains();
        } catch (RuntimeException e) {
            LOG.warning("could not check " + user.login() + "'s role on " + repository.fullName() + ": " + e.getMessage());
            if (failures.size() >= MAX_CACHED) {
                failures.clear();
            }
            failures.put(key, now.plus(FAILURE_TTL));
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
