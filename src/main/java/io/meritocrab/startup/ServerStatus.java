package io.meritocrab.startup;

import io.meritocrab.evaluation.llm.LlmProvider;
import io.meritocrab.evaluation.llm.LlmSettings;
import io.meritocrab.evaluation.llm.ModelHealth;
import io.meritocrab.github.GitHubSettings;
import io.meritocrab.platform.BuildInfo;
import io.meritocrab.repos.RepositoryDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What this server is and how it is doing, as the original meritocrab's health answer told it and
 * more: build, uptime, database and migrations, LLM provider and whether it answered lately, the GitHub
 * App and the installations served. Read by `GET /api/status` and the `meritocrab` health check.
 */
@ApplicationScoped
public class ServerStatus {

    /** A model that answered within this long "answered recently". */
    static final Duration RECENT = Duration.ofMinutes(15);

    @Inject
    io.meritocrab.platform.Database dataSource;
    @Inject
    DatabaseMigration migration;
    @Inject
    LlmSettings llm;
    @Inject
    ModelHealth modelHealth;
    @Inject
    GitHubSettings gitHub;
    @Inject
    RepositoryDirectory repositories;

    private final BuildInfo build = BuildInfo.load();

    public record Status(String version, String gitSha, String buildTime, Instant startedAt, long uptimeSeconds,
                         Database database, Llm llm, App gitHubApp) {
    }

    public record Database(boolean reachable, String product, boolean migrated, List<String> migrationsApplied) {
    }

    /** `answeredRecently` is null for the rules, which ask no model. */
    public record Llm(String provider, String model, Boolean answeredRecently, Instant lastAnswer,
                      Instant lastFailure, String lastFailureReason) {
    }

    public record App(String appId, boolean configured, long installationsServed, long repositoriesServed) {
    }

    public Status status() {
        return new Status(build.version(), build.gitSha(), build.buildTime(), BuildInfo.startedAt(),
                BuildInfo.uptime().toSeconds(), database(), llm(), app());
    }

    public BuildInfo build() {
        return build;
    }

    private Database database() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            return new Database(connection.isValid(2), product, migration.migrated(), migration.applied());
        } catch (SQLException e) {
            return new Database(false, null, migration.migrated(), List.of());
        }
    }

    private Llm llm() {
        String provider;
        String model = null;
        try {
            LlmProvider configured = llm.provider();
            provider = configured.configName();
            if (configured == LlmProvider.RULES) {
                return new Llm(provider, null, null, null, null, null);
            }
            model = llm.model(configured);
        } catch (RuntimeException e) {
            provider = "misconfigured: " + e.getMessage();
        }
        Instant recent = Instant.now().minus(RECENT);
        Instant lastAnswer = modelHealth.lastAnswer().orElse(null);
        return new Llm(provider, model, lastAnswer != null && lastAnswer.isAfter(recent), lastAnswer,
                modelHealth.lastFailure().orElse(null), modelHealth.lastFailureReason().orElse(null));
    }

    private App app() {
        String appId = gitHub.appConfigured() ? gitHub.appId() : null;
        return new App(appId, gitHub.appConfigured(), count(repositories::activeInstallationCount),
                count(repositories::servedRepositoryCount));
    }

    /** -1 when the database cannot answer: the status is still shown, with what is known. */
    private static long count(LongSupplier query) {
        try {
            return query.getAsLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
