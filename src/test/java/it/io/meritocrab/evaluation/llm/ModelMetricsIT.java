package it.io.meritocrab.evaluation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.PrometheusScrape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls to the model provider and the model's verdicts show up in /metrics. */
class ModelMetricsIT extends LlmIT {

    @Test
    void aModelCallAndItsVerdictAreCounted() {
        useAnthropic();
        stub.stubFor(at(ANTHROPIC_PATH).willReturn(anthropicAnswer(verdictJson("high", 0.93, "A real fix."),
                "end_turn")));
        PrometheusScrape before = PrometheusScrape.of(base);

        Map<String, Object> evaluation = awaitDecided(openPullRequest(User.human("measured"), 1, PR_BODY));

        assertThat(evaluation).containsEntry("provider", "anthropic").containsEntry("classification", "HIGH");
        PrometheusScrape after = PrometheusScrape.of(base);
        assertThat(increase(before, after, "meritocrab_outbound_calls_total", "service=llm", "operation=anthropic",
                "outcome=success")).isEqualTo(1);
        assertThat(increase(before, after, "meritocrab_outbound_call_duration_seconds_count", "service=llm"))
                .isEqualTo(1);
        assertThat(increase(before, after, "meritocrab_evaluations_total", "provider=anthropic", "outcome=high"))
                .isEqualTo(1);
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
