package io.meritocrab.evaluation.llm;

import io.meritocrab.evaluation.EvaluatorIdentity;
import io.meritocrab.evaluation.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Decides whether a contribution goes to the model or the rules' verdict stands: the rules decide when
 * no LLM is configured, when they are sure enough on their own (rules first), and when the repository's
 * daily cap of model evaluations is used up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ModelRouting {

    @Inject
    LlmSettings settings;
    @Inject
    ModelCallBudget budget;

    private final Clock clock = Clock.systemUTC();

    /** Where an evaluation goes: to the model named, or to the rules (with a note on why, if any). */
    public record Route(EvaluatorIdentity model, String rulesNote) {
        public boolean toModel() {
            return model != null;
        }
    }

    public Route route(long repositoryId, Verdict rules) {
        if (settings.provider() == LlmProvider.RULES) {
            return new Route(null, null);
        }
        if (settings.rulesFirst() && rules.confidence() >= settings.rulesFirstConfidence()) {
            return new Route(null, null);
        }
        int cap = settings.dailyCap();
        if (!budget.tryReserve(repositoryId, LocalDate.now(clock.withZone(ZoneOffset.UTC)), cap)) {
            return new Route(null, String.format(Locale.ROOT,
                    "Decided by the rules: the repository's daily cap of %d model evaluations is reached. ", cap));
        }
        return new Route(settings.identity(), null);
    }
}
