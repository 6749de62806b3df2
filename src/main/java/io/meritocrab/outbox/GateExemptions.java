package io.meritocrab.outbox;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.github.RepositoryRole;
import io.meritocrab.repoconfig.GateMode;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repoconfig.TrustedList;
import io.meritocrab.shared.SharedLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who passes the gate whatever their credit: anyone GitHub gives admin, maintain or write access, and
 * the logins and organisation members the repository's `.meritocrab.toml` trusts, and, where the file
 * opts in, the installation's shared trust list ({@link SharedLists}). If GitHub cannot
 * tell, the author is treated as not privileged (as the original does) and it is logged.
 *
 * <p>It lives with the outbox, not with {@code gate.PullRequestGate}, because it needs GitHub: the gate
 * decides inside the delivery's transaction, which never calls GitHub, and {@link EnforcementRunner}
 * asks these questions when the action comes due.
 */
@ApplicationScoped
public class GateExemptions {

    private static final Logger LOG = Logger.getLogger(GateExemptions.class.getName());

    @Inject
    GitHubClient github;
    @Inject
    RepositoryConfigs configs;
    @Inject
    SharedLists sharedLists;

    /** Why the author bypasses the gate, or null when they do not. */
    public String exemption(RepositoryRef repository, long repositoryId, String login, long userId) {
        String role = privilegedRole(repository, login);
        if (role != null) {
            return "author has " + role + " access";
        }
        TrustedList trusted = configs.trusted(repositoryId);
        if (trusted.trustsLogin(login)) {
            return "author is trusted by .meritocrab.toml";
        }
        if (sharedLists.trusts(repositoryId, userId)) {
            return "author is trusted by the installation's shared list";
        }
        for (String organisation : trusted.organisations()) {
            try {
                if (github.isOrganisationMember(repository.installationId(), organisation, login)) {
                    return "author is a member of trusted organisation @" + organisation;
                }
            } catch (GitHubException e) {
                LOG.log(Level.WARNING, "could not read whether {0} is a member of {1}; treating them as not "
                        + "trusted: {2}", new Object[] {login, organisation, e.getMessage()});
            }
        }
        return null;
    }

    /** Whether the repository runs in observe mode (records what it would do, does nothing on GitHub). */
    public boolean observing(long repositoryId) {
        return configs.mode(repositoryId) == GateMode.OBSERVE;
    }

    private String privilegedRole(RepositoryRef repository, String login) {
        try {
            RepositoryRole role = github.roleOf(repository, login);
            return role.bypassesGate() ? role.name().toLowerCase(Locale.ROOT) : null;
        } catch (GitHubException e) {
            LOG.log(Level.WARNING, "could not read the permission of {0} on {1}; treating them as not privileged: {2}",
                    new Object[] {login, repository.fullName(), e.getMessage()});
            return null;
        }
    }
}
