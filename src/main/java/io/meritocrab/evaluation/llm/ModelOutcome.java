package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.EvaluatorIdentity;
import io.meritocrab.evaluation.Verdict;
import java.time.Duration;

/** What became of one attempt to have a model evaluate a contribution. */
public sealed interface ModelOutcome {

    /** The model gave a valid verdict. */
    record Answered(EvaluatorIdentity model, Verdict verdict, int latencyMs, Integer inputTokens,
                    Integer outputTokens) implements ModelOutcome {
    }

    /** The model could not give a verdict; the evaluation goes to a maintainer, with the reason. */
    record Failed(EvaluatorIdentity model, String reason, int latencyMs, Integer inputTokens,
                  Integer outputTokens) implements ModelOutcome {
    }

    /**
     * Not now: the provider asked us to wait (`Retry-After`), or all call slots were taken. A rate
     * limit counts as an attempt; a full bulkhead does not.
     */
    record Later(Duration after, String reason, boolean countsAsAttempt) implements ModelOutcome {
    }
}
