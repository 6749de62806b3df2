package io.meritocrab.repoconfig;

import io.meritocrab.scoring.ScoreRow;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-wide scoring defaults, read once from MicroProfile Config. A repository's policy is these
 * defaults overridden by its `.meritocrab.toml`: see {@link RepositoryConfigs#policyFor}.
 */
@ApplicationScoped
public class ScoringSettings {

    @Inject @ConfigProperty(name = "meritocrab.scoring.starting-credit", defaultValue = "100")
    int startingCredit;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-threshold", defaultValue = "50")
    int prThreshold;
    @Inject @ConfigProperty(name = "meritocrab.scoring.blacklist-threshold", defaultValue = "0")
    int blacklistThreshold;
    @Inject @ConfigProperty(name = "meritocrab.scoring.confidence-threshold", defaultValue = "0.85")
    double confidenceThreshold;

    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-opened.spam", defaultValue = "-25")
    int prOpenedSpam;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-opened.low", defaultValue = "-5")
    int prOpenedLow;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-opened.acceptable", defaultValue = "5")
    int prOpenedAcceptable;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-opened.high", defaultValue = "15")
    int prOpenedHigh;

    @Inject @ConfigProperty(name = "meritocrab.scoring.comment.spam", defaultValue = "-10")
    int commentSpam;
    @Inject @ConfigProperty(name = "meritocrab.scoring.comment.low", defaultValue = "-2")
    int commentLow;
    @Inject @ConfigProperty(name = "meritocrab.scoring.comment.acceptable", defaultValue = "1")
    int commentAcceptable;
    @Inject @ConfigProperty(name = "meritocrab.scoring.comment.high", defaultValue = "3")
    int commentHigh;

    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-merged.bonus", defaultValue = "20")
    int prMergedBonus;
    @Inject @ConfigProperty(name = "meritocrab.scoring.review-submitted.bonus", defaultValue = "5")
    int reviewSubmittedBonus;

    private ScoringPolicy policy;

    @PostConstruct
    void build() {
        policy = new ScoringPolicy(startingCredit, prThreshold, blacklistThreshold, confidenceThreshold,
                new ScoreRow(prOpenedSpam, prOpenedLow, prOpenedAcceptable, prOpenedHigh),
                new ScoreRow(commentSpam, commentLow, commentAcceptable, commentHigh),
                prMergedBonus, reviewSubmittedBonus);
    }

    /** The policy of every repository without a `.meritocrab.toml`, and the defaults of those with one. */
    public ScoringPolicy serverDefaults() {
        return policy;
    }
}
