package io.meritocrab.access;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides which repositories a user may see and change: operators all, a GitHub user those where GitHub
 * says they are admin or maintain. Answers are cached for a few minutes; a check that fails (GitHub
 * unreachable, App not configured) means no access, and is retried sooner.
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
    @Inject @ConfigProperty(name = "meritocrab.console.role-cache", defaultValue = "PT5M")
    Duration roleCache;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    private record Verdict(boolean allowed, Instant expires) {
    }

    public boolean maintains(ConsoleUser user, TrackedRepository repository) {
        if (user.operator()) {
            return true;
        }
        if (repository.installationId() == null) {
            return false;
        }
        String key = user.login().toLowerCase(Locale.ROOT) + "\n" + repository.id();
        Instant now = clock.instant();
        Verdict cached = verdicts.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.allowed();
        }
        Verdict fresh = ask(user.login(), repository, now);
        if (verdicts.size() >= MAX_CACHED) {
            verdicts.clear();
        }
        verdicts.put(key, fresh);
        return fresh.allowed();
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

    private Verdict ask(String login, TrackedRepository repository, Instant now) {
        try {
            boolean allowed = github.roleOf(new RepositoryRef(repository.installationId(), repository.fullName()), login)
                    .maintains();
            return new Verdict(allowed, now.plus(roleCache));
        } catch (GitHubException e) {
            LOG.warning("could not check " + login + "'s role on " + repository.fullName() + ": " + e.getMessage());
            return new Verdict(false, now.plus(FAILURE_TTL));
        }
    }
}
