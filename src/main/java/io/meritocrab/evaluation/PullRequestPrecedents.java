package io.meritocrab.evaluation;

/**
 * What an opened pull request's evaluation depends on from earlier evaluations, read together.
 *
 * @param evaluated whether this pull request was evaluated already (it is evaluated once)
 * @param repositoriesWithSameText how many other repositories received exactly its text lately
 */
public record PullRequestPrecedents(boolean evaluated, int repositoriesWithSameText) {
}
