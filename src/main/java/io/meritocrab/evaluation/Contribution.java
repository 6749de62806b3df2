package io.meritocrab.evaluation;

/**
 * The untrusted text and the facts about one contribution that an evaluator may look at.
 *
 * @param kind               pull request or comment
 * @param repository         "owner/name" of the repository it was made in
 * @param authorLogin        the author's GitHub login
 * @param authorAssociation  GitHub's author_association (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR,
 *                           FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, NONE)
 * @param title              pull request title, or for a comment the title of its issue or PR
 * @param body               pull request description or comment text, possibly empty
 * @param additions          lines added (pull requests; 0 for comments)
 * @param deletions          lines deleted (pull requests; 0 for comments)
 * @param changedFiles       files changed (pull requests; 0 for comments)
 * @param sameTextElsewhere  how many other repositories recently received exactly this text
 */
public record Contribution(
        ContributionKind kind,
        String repository,
        String authorLogin,
        String authorAssociation,
        String title,
        String body,
        int additions,
        int deletions,
        int changedFiles,
        int sameTextElsewhere) {

    public Contribution {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        authorAssociation = authorAssociation == null ? "NONE" : authorAssociation;
    }

    /** True when GitHub says the author has not contributed to this repository before. */
    public boolean fromNewContributor() {
        return switch (authorAssociation) {
            case "FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER", "NONE" -> true;
            default -> false;
        };
    }
}
