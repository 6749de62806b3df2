package io.meritocrab.assessment;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.llm.LlmProvider;
import io.meritocrab.evaluation.llm.LlmSettings;
import io.meritocrab.evaluation.llm.MockVerdicts;
import io.meritocrab.evaluation.llm.ModelEvaluator;
import io.meritocrab.evaluation.llm.ModelOutcome;
import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.platform.SchemaReady;
import io.meritocrab.platform.WorkerThreads;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Threads that take contributions from the model queue, fetch the pull request's diff when GitHub gives
 * it, have the model evaluate them outside any transaction, and record the outcome. They are apart from
 * the delivery workers, so a slow model delays only the evaluations waiting for it: webhooks, the PR
 * gate and every other event go on at their own pace.
 */
@ApplicationScoped
public class ModelWorkers {

    private static final Logger LOG = Logger.getLogger(ModelWorkers.class.getName());
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);

    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    ModelRequests requests;
    @Inject
    ModelEvaluator evaluator;
    @Inject
    ModelVerdicts verdicts;
    @Inject
    ModelRequestSignal signal;
    @Inject
    LlmSettings settings;
    @Inject
    GitHubClient github;

    private final WorkerThreads workers = new WorkerThreads();
    private volatile boolean running;

    void start(@Observes SchemaReady ready) {
        logSettings();
        running = true;
        workers.start(threadFactory, "meritocrab-model", settings.workers(), i -> this::workUntilStopped);
    }

    private void logSettings() {
        try {
            LlmProvider provider = settings.provider();
            String alias = settings.providerAliasNote().map(note -> " (" + note + ")").orElse("");
            if (provider == LlmProvider.RULES) {
                LOG.info("Evaluations by the rules evaluator (no LLM provider configured)");
            } else if (provider == LlmProvider.MOCK) {
                Classification classification = MockVerdicts.classification(settings.defaultClassification());
                LOG.info(() -> "Evaluations by the mock provider of the original meritocrab, for trials: no model is "
                        + "called, what the rules do not decide is classified " + classification
                        + " with confidence " + MockVerdicts.CONFIDENCE);
            } else {
                LOG.info(() -> "Evaluations by " + provider.configName() + ", model " + settings.model(provider) + " at "
                        + settings.baseUrl(provider) + alias + ", after the rules; " + settings.workers() + " model workers");
            }
        } catch (RuntimeException e) {
            LOG.severe("The LLM settings are wrong; evaluations will fail until they are fixed: " + e.getMessage());
        }
    }

    private void workUntilStopped() {
        long seen = signal.generation();
        while (running) {
            try {
                Optional<ModelRequest> leased = requests.leaseNext(settings.lease());
                if (leased.isPresent()) {
                    handle(leased.get());
                } else {
                    seen = signal.await(seen, IDLE_POLL);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Model worker failed; the request is taken up again when its lease ends", e);
                WorkerThreads.sleepQuietly(IDLE_POLL);
            }
        }
    }

    private void handle(ModelRequest request) throws Exception {
        ModelOutcome outcome;
        if (request.attempt() > settings.maxAttempts()) {
            outcome = new ModelOutcome.Failed(settings.identity(), "gave up after " + settings.maxAttempts()
                    + " attempts (rate limited or unavailable)", 0, null, null);
        } else {
            outcome = evaluator.evaluate(request.contribution(), diffOf(request));
        }
        if (outcome instanceof ModelOutcome.Later later) {
            requests.postpone(request, later.after(), later.countsAsAttempt(), later.reason());
            if (!later.countsAsAttempt()) {
                // Every call slot is taken: this worker waits as long as the request does.
                Thread.sleep(later.after().toMillis());
            }
            return;
        }
        if (outcome instanceof ModelOutcome.Failed failed) {
            LOG.warning(() -> "evaluation=" + request.evaluationId() + " outcome=queued-for-review reason="
                    + failed.reason());
        }
        verdicts.record(request, outcome);
    }

    /** The pull request's diff, cut to the configured size; left out when GitHub does not give it. */
    private Optional<String> diffOf(ModelRequest request) {
        if (request.contribution().kind() != ContributionKind.PULL_REQUEST || request.subjectNumber() == null
                || request.installationId() == null) {
            return Optional.empty();
        }
        try {
            return github.pullRequestDiff(new RepositoryRef(request.installationId(),
                    request.contribution().repository()), request.subjectNumber(), settings.maxDiffBytes());
        } catch (RuntimeException e) {
            LOG.fine(() -> "evaluation=" + request.evaluationId() + " diff left out: " + e.getMessage());
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.wake();
        workers.join(Duration.ofSeconds(10));
    }
}
