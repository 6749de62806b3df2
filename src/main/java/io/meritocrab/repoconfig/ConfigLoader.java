package io.meritocrab.repoconfig;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.GitHubSettings;
import io.meritocrab.github.RepositoryRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a repository's `.meritocrab.toml` from its default branch and records the outcome. Runs on a
 * background thread, never inside a delivery's transaction. GitHub being unreachable (or the App not
 * configured) is not a problem of the file: what is in force stays, and GitHub is asked again after
 * the retry interval; it is logged once until GitHub answers again. An invalid file keeps the last
 * valid one in force and records why; a removed file brings back the server defaults.
 */
@ApplicationScoped
public class ConfigLoader {

    private static final Logger LOG = Logger.getLogger(ConfigLoader.class.getName());
    private static final int MAX_ROUNDS = 3;

    @Inject
    RepositoryConfigSettings settings;
    @Inject
    GitHubClient github;
    @Inject
    GitHubSettings gitHubSettings;
    @Inject
    RepositoryConfigStore store;
    @Inject
    ScoringSettings scoring;

    private final Clock clock = Clock.systemUTC();
    private final Set<Long> unreachable = ConcurrentHashMap.newKeySet();

    /**
     * Asks GitHub for the file unless the stored copy is still fresh (another server may have just read
     * it) or {@code force} is set, and returns the row in force afterwards.
     */
    public StoredConfig load(long repositoryId, RepositoryRef repository, boolean force) {
        boolean ask = force;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<StoredConfig> stored = store.find(repositoryId);
            Instant now = clock.instant();
            if (!ask && stored.isPresent() && stored.get().nextCheckAt().isAfter(now)) {
                return stored.get();
            }
            long generation = stored.map(StoredConfig::generation).orElse(StoredConfig.NO_ROW);
            if (fetchAndSave(repositoryId, repository, stored.orElse(null), generation)) {
                return store.find(repositoryId).orElseThrow();
            }
            // A push touched the file while it was being read: what was read may predate it.
            ask = true;
        }
        return store.find(repositoryId).orElseThrow();
    }

    private boolean fetchAndSave(long repositoryId, RepositoryRef repository, StoredConfig stored, long generation) {
        String name = repository == null ? "repository " + repositoryId : repository.fullName();
        Optional<String> file;
        try {
            if (repository == null) {
                throw new GitHubException("the installation serving the repository is not known", true);
            }
            file = github.fileOnDefaultBranch(repository, ConfigFileParser.FILE_NAME);
        } catch (GitHubException e) {
            Instant now = clock.instant();
            if (unreachable.add(repositoryId)) {
                // Without an App (the embedded default) there is nothing to warn about: defaults apply.
                LOG.log(gitHubSettings.appConfigured() ? Level.WARNING : Level.FINE, "{0}: could not read {1} from GitHub ({2}); the configuration in force "
                        + "stays, trying again in {3}", new Object[] {name, ConfigFileParser.FILE_NAME, e.getMessage(), settings.retry()});
            }
            return store.saveUnreachable(repositoryId, generation, e.getMessage(), now, now.plus(settings.retry()));
        }
        if (unreachable.remove(repositoryId)) {
            LOG.log(Level.INFO, "{0}: GitHub answered again", name);
        }
        Instant now = clock.instant();
        if (file.isEmpty()) {
            if (stored != null && stored.fileText() != null) {
                LOG.log(Level.INFO, "{0}: {1} was removed; the server defaults apply", new Object[] {name, ConfigFileParser.FILE_NAME});
            }
            return store.saveLoaded(repositoryId, generation, null, null, now, now.plus(settings.ttl()));
        }
        String text = file.get();
        ParseOutcome outcome = ConfigFileParser.parse(text, scoring.serverDefaults());
        if (outcome instanceof ParseOutcome.Invalid invalid) {
            if (stored == null || !invalid.message().equals(stored.lastError())) {
                LOG.log(Level.WARNING, "{0}: {1}; the last valid configuration stays in force",
                        new Object[] {name, invalid.message().replace('\n', ' ')});
            }
            return store.saveInvalid(repositoryId, generation, invalid.message(), now, now.plus(settings.ttl()));
        }
        String sha = BlobSha.of(text);
        if (stored == null || !Objects.equals(sha, stored.blobSha())) {
            LOG.log(Level.INFO, "{0}: {1} {2} loaded", new Object[] {name, ConfigFileParser.FILE_NAME, sha});
        }
        return store.saveLoaded(repositoryId, generation, text, sha, now, now.plus(settings.ttl()));
    }
}
