package io.meritocrab.inbox;

/** The few facts about a delivery that are stored beside its raw payload. */
public record PayloadSummary(String action, Long installationId, Long repositoryId, String repositoryFullName,
                             Long senderId) {
}
