package io.meritocrab.duplicates;

import io.meritocrab.evaluation.EvaluatedContribution;

/**
 * A pull request whose evaluation waits for the duplicate check, leased to this server for one attempt
 * (the attempt number is the lease token, as in every queue here).
 */
public record DuplicateCheck(long id, EvaluatedContribution subject, Long installationId, int attempt) {

    public int number() {
        return subject.subjectNumber();
    }
}
