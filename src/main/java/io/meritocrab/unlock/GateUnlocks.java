package io.meritocrab.unlock;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.IssueSummary;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repoconfig.UnlockRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a below-threshold contributor's pull request is let through once (SPEC §11): it closes an issue
 * that `[gate] unlock` accepts (assigned to its author, or with one of the labels), or a maintainer's
 * `/credit invite` is still valid. An issue is tried before an invite, so the invite stays for later.
 * Asked by {@code outbox.EnforcementRunner} when a below-threshold action comes due (it reads GitHub,
 * which the delivery's transaction never does); a shadow close (blacklisted) is never unlocked.
 */
@ApplicationScoped
public class GateUnlocks {

    /** How long a `/credit invite` is valid. */
    public static final Duration INVITE_VALIDITY = Duration.ofDays(14);

    @Inject
    GateUnlockStore store;
    @Inject
    RepositoryConfigs configs;
    @Inject
    GitHubClient github;

    /**
     * What lets the pull request through, used up by it; empty when nothing does. Throws
     * {@code GitHubException} when GitHub cannot say what an issue is.
     */
    public Optional<Unlock> unlock(RepositoryRef repository, long repositoryId, long contributorId, String author,
                                   int pullNumber, String pullBody) {
        Optional<Unlock> already = store.usedBy(contributorId, pullNumber);
        if (already.isPresent()) {
            return already;
        }
        Instant now = Instant.now();
        UnlockRules rules = configs.unlock(repositoryId);
        if (rules.any()) {
            for (int issue : ClosingIssues.in(pullBody, repository.fullName())) {
                if (!store.issueUsed(contributorId, issue) && accepts(rules, repository, issue, author)
                        && store.useIssue(contributorId, issue, pullNumber, now)) {
                    return Optional.of(new Unlock.ByIssue(issue));
                }
            }
        }
        return store.useInvite(contributorId, pullNumber, now);
    }

    /** Records a maintainer's invite in the caller's transaction; returns until when it is valid. */
    public Instant invite(long contributorId, String maintainer) {
        Instant now = Instant.now();
        Instant until = now.plus(INVITE_VALIDITY);
        store.invite(contributorId, maintainer, now, until);
        return until;
    }

    public Optional<Instant> inviteValidUntil(long contributorId) {
        return store.inviteValidUntil(contributorId, Instant.now());
    }

    private boolean accepts(UnlockRules rules, RepositoryRef repository, int number, String author) {
        Optional<IssueSummary> issue = github.issue(repository, number);
        if (issue.isEmpty() || issue.get().pullRequest()) {
            return false;
        }
        return rules.assigned() && issue.get().assignedTo(author)
                || rules.labels().stream().anyMatch(issue.get()::labelled);
    }
}
