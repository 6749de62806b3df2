package io.meritocrab.repoconfig;

import io.meritocrab.scoring.ScoreRow;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
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

    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-merged.spam", defaultValue = "0")
    int prMergedSpam;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-merged.low", defaultValue = "0")
    int prMergedLow;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-merged.acceptable", defaultValue = "20")
    int prMergedAcceptable;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-merged.high", defaultValue = "20")
    int prMergedHigh;
    @Inject @ConfigProperty(name = "meritocrab.scoring.pr-merged.bonus")
    Optional<Integer> prMergedBonus;

    @Inject @ConfigProperty(name = "meritocrab.scoring.review-submitted.spam", defaultValue = "0")
    int reviewSubmittedSpam;
    @Inject @ConfigProperty(name = "meritocrab.scoring.review-submitted.low", defaultValue = "0")
    int reviewSubmittedLow;
    @Inject @ConfigProperty(name = "meritocrab.scoring.review-submitted.acceptable", defaultValue = "5")
    int reviewSubmittedAcceptable;
    @Inject @ConfigProperty(name = "meritocrab.scoring.review-submitted.high", defaultValue = "5")
    int reviewSubmittedHigh;
    @Inject @ConfigProperty(name = "meritocrab.scoring.review-submitted.bonus")
    Optional<Integer> reviewSubmittedBonus;

    private ScoringPolicy policy;

    @PostConstruct
    void build() {
        policy = new ScoringPolicy(startingCredit, prThreshold, blacklistThreshold, confidenceThreshold,
                new ScoreRow(prOpenedSpam, prOpenedLow, prOpenedAcceptable, prOpenedHigh),
                new ScoreRow(commentSpam, commentLow, commentAcceptable, commentHigh),
                withBonus(new ScoreRow(prMergedSpam, prMergedLow, prMergedAcceptable, prMergedHigh), prMergedBonus),
                withBonus(new ScoreRow(reviewSubmittedSpam, reviewSubmittedLow, reviewSubmittedAcceptable,
                        reviewSubmittedHigh), reviewSubmittedBonus));
    }

    /** A `.bonus` key is the shorthand for one value in every class. */
    private static ScoreRow withBonus(ScoreRow row, Optional<Integer> bonus) {
        return bonus.map(value -> new ScoreRow(value, value, value, value)).orElse(row);
    }

    /** The policy of every repository without a `.meritocrab.toml`, and the defaults of those with one. */
    public ScoringPolicy serverDefaults() {
        return policy;
    }
}
