package io.meritocrab.evaluation.rules;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.Contribution;
import io.meritocrab.evaluation.ContributionKind;
import io.meritocrab.evaluation.EvaluatorIdentity;
import io.meritocrab.evaluation.TrackRecord;
import io.meritocrab.evaluation.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * The built-in evaluator: judges a contribution with fixed, explainable rules, without calling any
 * model, so it works offline, costs nothing, and gives the same verdict for the same contribution every
 * time.
 *
 * <p>{@link ContributionRules} adds up the weights of the spam, low-effort and quality signals that fire
 * (the weights are listed there), and {@link TrackRecordRule} the author's record elsewhere on GitHub when it
 * is known; the sums decide, in this order:
 *
 * <pre>
 * SPAM        spam weight 0.60 or more        confidence 0.5 + spam / 2, at most 0.97
 * LOW         spam 0.30 or more (suspicious),
 *             or low-effort 0.40 or more      confidence 0.5 + (spam + low-effort) / 2, at most 0.95
 * HIGH        quality 0.70 or more and
 *             no concern fired at all         confidence 0.4 + quality / 2, at most 0.9
 * ACCEPTABLE  otherwise                       0.85 when no concern fired (with or without
 *                                             strengths), 0.55 when weak concerns fired
 * </pre>
 *
 * So clear-cut cases (spam that trips two rules, a bare "+1", an ordinary contribution with nothing
 * against it) reach 0.85 and more and are applied at once, while a single borderline signal, or a
 * claim of high quality that is not overwhelming, stays below and lands in a maintainer's review queue. The reasoning
 * names the signals that decided the verdict.
 */
@ApplicationScoped
public class RulesEvaluator {

    /** Version of the rule set; change it whenever a rule or weight changes. */
    public static final String VERSION = "rules-v1";

    private static final EvaluatorIdentity IDENTITY = new EvaluatorIdentity("rules", VERSION, VERSION);

    private static final double SPAM_THRESHOLD = 0.60;
    private static final double SUSPICIOUS_THRESHOLD = 0.30;
    private static final double LOW_EFFORT_THRESHOLD = 0.40;
    private static final double HIGH_QUALITY_THRESHOLD = 0.70;
    private static final double MAX_SPAM_CONFIDENCE = 0.97;
    private static final double MAX_LOW_CONFIDENCE = 0.95;
    private static final double MAX_HIGH_CONFIDENCE = 0.90;
    private static final double NO_CONCERN_CONFIDENCE = 0.85;
    private static final double WEAK_CONCERNS_CONFIDENCE = 0.55;

    public RulesEvaluator() {
    }

    public EvaluatorIdentity identity() {
        return IDENTITY;
    }

    public Verdict evaluate(Contribution contribution) {
        return evaluate(contribution, null);
    }

    /** @param record the author's record elsewhere on GitHub, or null when it is not known or not wanted */
    public Verdict evaluate(Contribution contribution, TrackRecord record) {
        Objects.requireNonNull(contribution, "contribution");
        SignalTally tally = new SignalTally();
        TextSignals body = TextSignals.of(contribution.body());
        if (contribution.kind() == ContributionKind.PULL_REQUEST) {
            TextSignals authored = TextSignals.of(
                    TextSignals.capped(contribution.title()) + "\n" + TextSignals.capped(contribution.body()));
            ContributionRules.applySpamRules(contribution, body, authored, tally);
            ContributionRules.applyPullRequestRules(contribution, body, authored, tally);
        } else {
            ContributionRules.applySpamRules(contribution, body, body, tally);
            ContributionRules.applyCommentRules(body, tally);
        }
        TrackRecordRule.apply(record, tally);
        return decide(tally);
    }

    private static Verdict decide(SignalTally tally) {
        if (tally.spam() >= SPAM_THRESHOLD) {
            return verdict(Classification.SPAM, 0.5 + tally.spam() / 2, MAX_SPAM_CONFIDENCE, tally.concernsSentence());
        }
        if (tally.spam() >= SUSPICIOUS_THRESHOLD || tally.lowEffort() >= LOW_EFFORT_THRESHOLD) {
            double evidence = tally.spam() + tally.lowEffort();
            return verdict(Classification.LOW, 0.5 + evidence / 2, MAX_LOW_CONFIDENCE, tally.concernsSentence());
        }
        if (tally.quality() >= HIGH_QUALITY_THRESHOLD && !tally.hasConcerns()) {
            return verdict(Classification.HIGH, 0.4 + tally.quality() / 2, MAX_HIGH_CONFIDENCE,
                    tally.strengthsSentence());
        }
        return acceptable(tally);
    }

    private static Verdict acceptable(SignalTally tally) {
        if (tally.hasConcerns()) {
            String reasoning = tally.hasStrengths()
                    ? tally.concernsSentence() + "; but " + tally.strengthsSentence()
                    : tally.concernsSentence();
            return new Verdict(Classification.ACCEPTABLE, WEAK_CONCERNS_CONFIDENCE, reasoning);
        }
        if (tally.hasStrengths()) {
            return new Verdict(Classification.ACCEPTABLE, NO_CONCERN_CONFIDENCE, tally.strengthsSentence());
        }
        return new Verdict(Classification.ACCEPTABLE, NO_CONCERN_CONFIDENCE, "no notable signals");
    }

    private static Verdict verdict(Classification classification, double confidence, double ceiling, String reasoning) {
        return new Verdict(classification, Math.max(0.0, Math.min(ceiling, confidence)), reasoning);
    }
}
