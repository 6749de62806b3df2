package io.meritocrab.history;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.PublicRecord;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.platform.Backoff;
import io.meritocrab.platform.ReplicaIdentity;
import io.meritocrab.platform.SchemaReady;
import io.meritocrab.repoconfig.HistoryRules;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the track records newcomers' first contributions asked for: the other side of the `history_request`
 * queue that {@link HistoryRequests} owns. Every server polls it; a leased lookup takes the record from
 * {@link TrackRecordCache} or, outside any transaction, from GitHub's GraphQL API, and
 * {@link TrackRecordEntries} writes the entry. A lookup GitHub does not answer is tried again with backoff,
 * and after {@link HistorySettings#attempts()} attempts recorded as skipped: it never holds anything up.
 */
@ApplicationScoped
public class HistoryLookups {

    private static final Logger LOG = Logger.getLogger(HistoryLookups.class.getName());
    private static final int BATCH = 20;

    @Inject
    HistorySettings settings;
    @Inject
    HistoryRequests requests;
    @Inject
    TrackRecordCache cache;
    @Inject
    TrackRecordEntries entries;
    @Inject
    ContributorRepository contributors;
    @Inject
    RepositoryConfigs configs;
    @Inject
    RepositoryDirectory repositories;
    @Inject
    GitHubClient github;
    @Inject
    ReplicaIdentity identity;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    void start(@Observes SchemaReady ready) {
        long period = Math.max(100, settings.pollInterval().toMillis());
        schedule = scheduler.scheduleWithFixedDelay(this::lookUpDue, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void lookUpDue() {
        try {
            for (HistoryRequest request : requests.claim(BATCH, settings.lease(), identity.holder())) {
                lookUpOrPostpone(request);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "looking up track records: " + e.getMessage(), e);
        }
    }

    /** One request failing to be written (the database, a bug) neither holds up the others nor is lost. */
    private void lookUpOrPostpone(HistoryRequest request) {
        try {
            lookUp(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "contributor=" + request.contributorId() + " track record not written: "
                    + e.getMessage(), e);
            try {
                failed(request, String.valueOf(e.getMessage()));
            } catch (RuntimeException again) {
                // Left leased: it comes round again when the lease ends.
                LOG.log(Level.WARNING, "contributor=" + request.contributorId() + " track record not postponed: "
                        + again.getMessage(), again);
            }
        }
    }

    private void lookUp(HistoryRequest request) {
        Optional<Contributor> found = contributors.find(request.contributorId());
        HistoryRules rules = found.map(c -> configs.history(c.repositoryId())).orElse(HistoryRules.off());
        if (found.isEmpty() || !rules.enabled()) {
            entries.drop(request);
            return;
        }
        Contributor contributor = found.get();
        Instant now = Instant.now();
        Optional<PublicRecord> record;
        try {
            record = cache.fresh(contributor.userId(), now);
            if (record.isEmpty()) {
                record = fromGitHub(contributor, now);
                if (record.isEmpty()) {
                    entries.write(request, StartingCreditAdjustment.skipped("GitHub knows no user "
                            + contributor.login() + " with id " + contributor.userId()));
                    return;
                }
            }
        } catch (RuntimeException e) {
            failed(request, e.getMessage());
            return;
        }
        entries.write(request, StartingCreditAdjustment.of(RecordFigures.of(record.get(), contributor.repositoryId(),
                now), rules));
    }

    private Optional<PublicRecord> fromGitHub(Contributor contributor, Instant now) {
        Long installationId = repositories.find(contributor.repositoryId()).map(TrackedRepository::installationId)
                .orElse(null);
        if (installationId == null) {
            throw new IllegalStateException("the repository is served by no installation");
        }
        Optional<PublicRecord> record = github.publicRecord(installationId, contributor.login(), contributor.userId());
        record.ifPresent(found -> cache.store(contributor.userId(), contributor.login(), found, now));
        return record;
    }

    private void failed(HistoryRequest request, String problem) {
        if (request.attempt() >= settings.attempts()) {
            LOG.warning(() -> "contributor=" + request.contributorId() + " track record skipped after "
                    + request.attempt() + " attempts: " + problem);
            entries.write(request, StartingCreditAdjustment.skipped("GitHub did not answer after " + request.attempt()
                    + " attempts (" + problem + ")"));
            return;
        }
        Duration wait = new Backoff(settings.retryBase(), settings.retryBase().multipliedBy(16))
                .after(request.attempt());
        LOG.info(() -> "contributor=" + request.contributorId() + " track record attempt " + request.attempt()
                + " failed, again in " + wait.toMillis() + " ms: " + problem);
        requests.postpone(request, wait, problem);
    }
}
