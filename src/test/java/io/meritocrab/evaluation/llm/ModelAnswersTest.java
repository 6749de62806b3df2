package io.meritocrab.evaluation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.evaluation.Classification;
import io.meritocrab.evaluation.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelAnswersTest {

    @Test
    void readsAValidVerdict() throws Exception {
        Verdict verdict = ModelAnswers.verdict(reply(
                "{\"classification\": \"High\", \"confidence\": 0.92, \"reasoning\": \"Fix with tests.\"}"));

        assertThat(verdict.classification()).isEqualTo(Classification.HIGH);
        assertThat(verdict.confidence()).isEqualTo(0.92);
        assertThat(verdict.reasoning()).isEqualTo("Fix with tests.");
    }

    @Test
    void toleratesAMarkdownCodeFenceAroundTheObject() throws Exception {
        Verdict verdict = ModelAnswers.verdict(reply(
                "```json\n{\"classification\":\"spam\",\"confidence\":1,\"reasoning\":\"Casino links.\"}\n```"));

        assertThat(verdict.classification()).isEqualTo(Classification.SPAM);
        assertThat(verdict.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "I think this is spam.",
            "{\"classification\": \"spam\", \"confidence\": 0.9",
            "[\"spam\", 0.9]",
            "{\"classification\": \"great\", \"confidence\": 0.9, \"reasoning\": \"x\"}",
            "{\"classification\": \"low\", \"confidence\": 1.2, \"reasoning\": \"x\"}",
            "{\"classification\": \"low\", \"confidence\": -0.1, \"reasoning\": \"x\"}",
            "{\"classification\": \"low\", \"confidence\": \"0.9\", \"reasoning\": \"x\"}",
            "{\"classification\": \"low\", \"reasoning\": \"x\"}",
            "{\"confidence\": 0.9, \"reasoning\": \"x\"}",
            "{\"classification\": \"low\", \"confidence\": 0.9}",
            "Sure! {\"classification\": \"low\", \"confidence\": 0.9, \"reasoning\": \"x\"}"
    })
    void rejectsAnswersThatAreNotTheAskedVerdict(String text) {
        assertThatThrownBy(() -> ModelAnswers.verdict(reply(text))).isInstanceOf(InvalidAnswerException.class);
    }

    @Test
    void rejectsARefusalEvenWithText() {
        assertThatThrownBy(() -> ModelAnswers.verdict(new ModelReply(
                "{\"classification\":\"low\",\"confidence\":0.9,\"reasoning\":\"x\"}", true, 10, 2)))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("refused");
    }

    private static ModelReply reply(String text) {
        return new ModelReply(text, false, 100, 20);
    }
}
