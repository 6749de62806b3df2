package io.meritocrab.evaluation.llm;

/**
 * What a provider answered, before the text is checked: the model's text (empty when there is none),
 * whether the model refused, and the tokens the provider reports (null when it reports none).
 */
public record ModelReply(String text, boolean refused, Integer inputTokens, Integer outputTokens) {

    public ModelReply {
        text = text == null ? "" : text;
    }
}
