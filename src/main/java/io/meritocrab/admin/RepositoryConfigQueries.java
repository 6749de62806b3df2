package io.meritocrab.admin;

import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.ScoringPolicy;
import io.meritocrab.scoring.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * A repository's effective scoring settings and where each comes from. Today every value is a server
 * setting (MicroProfile Config: environment, system property, or built-in default); when per-repository
 * `.meritocrab.toml` files are read, their values, source and last load error are added in
 * {@link #settings} and {@link #of}.
 */
@ApplicationScoped
public class RepositoryConfigQueries {

    static final String CONFIG_FILE = ".meritocrab.toml";

    @Inject
    ScoringSettings scoring;
    @Inject
    Config config;

    public Views.RepositoryConfig of(TrackedRepository repository) {
        return new Views.RepositoryConfig(repository.fullName(), settings(scoring.policyFor(repository.id())),
                CONFIG_FILE, null);
    }

    private List<Views.Setting> settings(ScoringPolicy policy) {
        List<Views.Setting> settings = new ArrayList<>();
        add(settings, "starting-credit", policy.startingCredit());
        add(settings, "pr-threshold", policy.prThreshold());
        add(settings, "blacklist-threshold", policy.blacklistThreshold());
        add(settings, "confidence-threshold", policy.confidenceThreshold());
        add(settings, "pr-opened.spam", policy.pullRequestOpened().spam());
        add(settings, "pr-opened.low", policy.pullRequestOpened().low());
        add(settings, "pr-opened.acceptable", policy.pullRequestOpened().acceptable());
        add(settings, "pr-opened.high", policy.pullRequestOpened().high());
        add(settings, "comment.spam", policy.comment().spam());
        add(settings, "comment.low", policy.comment().low());
        add(settings, "comment.acceptable", policy.comment().acceptable());
        add(settings, "comment.high", policy.comment().high());
        add(settings, "pr-merged.bonus", policy.pullRequestMergedBonus());
        add(settings, "review-submitted.bonus", policy.reviewSubmittedBonus());
        return settings;
    }

    private void add(List<Views.Setting> settings, String name, Object value) {
        String key = "meritocrab.scoring." + name;
        ConfigValue configured = config.getConfigValue(key);
        String source = configured.getValue() == null ? "built-in default"
                : "server setting " + key + " (" + describe(configured.getSourceName()) + ")";
        settings.add(new Views.Setting(name, String.valueOf(value), source));
    }

    private static String describe(String sourceName) {
        if (sourceName == null) {
            return "configuration";
        }
        String lower = sourceName.toLowerCase(Locale.ROOT);
        if (lower.contains("env")) {
            return "environment";
        }
        if (lower.contains("system")) {
            return "system property";
        }
        return "configuration";
    }
}
