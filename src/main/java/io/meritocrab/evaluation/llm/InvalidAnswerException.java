package io.meritocrab.evaluation.llm;

/** The model answered, but not with the verdict the prompt asks for: worth one more try, then a maintainer. */
public class InvalidAnswerException extends Exception {

    public InvalidAnswerException(String message) {
        super(message);
    }
}
