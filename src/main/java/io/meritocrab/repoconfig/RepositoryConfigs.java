package io.meritocrab.repoconfig;

import io.meritocrab.github.RepositoryRef;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each repository's effective configuration: its `.meritocrab.toml` merged with the server defaults.
 *
 * <p>Event handlers ask for it inside the delivery's transaction, so it is served from memory (or from
 * the `repository_config` row, after a restart) and never waits for GitHub, with one exception: a
 * repository never read before waits for its first read, up to {@code first-load-timeout}, because
 * its first pull request must not be gated under the wrong rules (a repository in observe mode would
 * see it closed). Past that wait the event is handled under the server defaults and the read goes on in
 * the background. A configuration older than the TTL is refreshed in the background; the memory copy
 * is compared with the table at least every {@link #SHARED_SYNC} so that servers sharing the database
 * see each other's reloads.
 */
@ApplicationScoped
public class RepositoryConfigs {

    static final Duration SHARED_SYNC = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(RepositoryConfigs.class.getName());

    @Inject
    RepositoryConfigSettings fetching;
    @Inject
    ConfigLoader loader;
    @Inject
    RepositoryConfigStore store;
    @Inject
    RepositoryDirectory directory;
    @Inject
    ScoringSettings scoring;
    @Inject
    Event<ConfigChanged> changes;
    @Resource
    ManagedExecutorService executor;

    private static final int MAX_CACHED = 20_000;

    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Cached>> loading = new ConcurrentHashMap<>();

    public EffectiveConfig effective(long repositoryId) {
        Cached cached = current(repositoryId);
        return EffectiveConfig.of(repositoryId, cached.config(), cached.stored());
    }

    public ScoringPolicy policyFor(long repositoryId) {
        return current(repositoryId).config().policy();
    }

    public GateMode mode(long repositoryId) {
        return current(repositoryId).config().mode();
    }

    public TrustedList trusted(long repositoryId) {
        return current(repositoryId).config().trusted();
    }

    public SharedOptIn shared(long repositoryId) {
        return current(repositoryId).config().shared();
    }

    public UnlockRules unlock(long repositoryId) {
        return current(repositoryId).config().unlock();
    }

    public HistoryRules history(long repositoryId) {
        return current(repositoryId).config().history();
    }

    public DuplicateRules duplicates(long repositoryId) {
        return current(repositoryId).config().duplicates();
    }

    /**
     * A push changed the repository's file: recorded in the push's transaction (so the reload is not
     * lost if this server stops), carried out right after it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reloadAfterCommit(long repositoryId, RepositoryRef repository) {
        store.markChanged(repositoryId, clock.instant());
        changes.fire(new ConfigChanged(repositoryId, repository));
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigChanged change) {
        load(change.repositoryId(), change.repository(), true);
    }

    private Cached current(long repositoryId) {
        Cached cached = cache.get(repositoryId);
        if (cached == null) {
            cached = store.find(repositoryId).map(this::remember)
                    .orElseGet(() -> firstLoad(repositoryId));
        }
        if (cached.due(clock.instant())) {
            load(repositoryId, reference(repositoryId), false);
        }
        return cached;
    }

    private Cached firstLoad(long repositoryId) {
        CompletableFuture<Cached> first = load(repositoryId, reference(repositoryId), false);
        try {
            return first.get(fetching.firstLoadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.FINE, "repository {0}: configuration not read in time; server defaults for now", repositoryId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Cached defaults = new Cached(null, RepositoryConfig.defaults(scoring.serverDefaults()), clock.instant());
        Cached raced = cache.putIfAbsent(repositoryId, defaults);
        return raced == null ? defaults : raced;
    }

    /** Starts a load in the background unless one is under way (a forced one always starts). */
    private CompletableFuture<Cached> load(long repositoryId, RepositoryRef repository, boolean force) {
        CompletableFuture<Cached> started = new CompletableFuture<>();
        CompletableFuture<Cached> running = loading.compute(repositoryId,
                (id, underWay) -> underWay != null && !force ? underWay : started);
        if (running != started) {
            return running;
        }
        try {
            executor.execute(() -> {
                try {
                    started.complete(remember(loader.load(repositoryId, repository, force)));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "repository " + repositoryId + ": loading the configuration failed", e);
                    started.completeExceptionally(e);
                } finally {
                    loading.remove(repositoryId, started);
                }
            });
        } catch (RejectedExecutionException e) {
            loading.remove(repositoryId, started);
            started.completeExceptionally(e);
        }
        return started;
    }

    /** Keeps the newer of the copy in memory and this one (two reads of the table may finish out of order). */
    private Cached remember(StoredConfig stored) {
        Cached read = new Cached(stored, configOf(stored), clock.instant());
        if (cache.size() >= MAX_CACHED && !cache.containsKey(stored.repositoryId())) {
            // Anyone can install the App on repositories of their own: memory holds a bounded number of
            // them; a dropped one is read back from the table when next needed.
            cache.keySet().removeIf(id -> ThreadLocalRandom.current().nextInt(10) == 0);
        }
        return cache.merge(stored.repositoryId(), read, (held, fresh) -> held.newerThan(fresh) ? held : fresh);
    }

    private RepositoryConfig configOf(StoredConfig stored) {
        ScoringPolicy defaults = scoring.serverDefaults();
        if (stored.fileText() == null) {
            return RepositoryConfig.defaults(defaults);
        }
        ParseOutcome outcome = ConfigFileParser.parse(stored.fileText(), defaults);
        if (outcome instanceof ParseOutcome.Valid valid) {
            return valid.config();
        }
        // Valid when stored, but the server defaults changed since and contradict it.
        LOG.log(Level.WARNING, "repository {0}: the stored {1} no longer fits the server defaults ({2}); "
                + "server defaults apply", new Object[] {stored.repositoryId(), ConfigFileParser.FILE_NAME,
                ((ParseOutcome.Invalid) outcome).message().replace('\n', ' ')});
        return RepositoryConfig.defaults(defaults);
    }

    private RepositoryRef reference(long repositoryId) {
        return directory.find(repositoryId)
                .filter(repository -> repository.installationId() != null)
                .map(RepositoryConfigs::reference)
                .orElse(null);
    }

    private static RepositoryRef reference(TrackedRepository repository) {
        return new RepositoryRef(repository.installationId(), repository.fullName());
    }

    /** A configuration in memory; {@code stored} is null for the defaults used while a first read lags. */
    private record Cached(StoredConfig stored, RepositoryConfig config, Instant syncedAt) {

        boolean newerThan(Cached other) {
            return stored != null && (other.stored == null || stored.revision() > other.stored.revision());
        }

        boolean due(Instant now) {
            return !now.isBefore(syncedAt.plus(SHARED_SYNC))
                    || stored != null && !now.isBefore(stored.nextCheckAt());
        }
    }
}
