package io.meritocrab.enforcement;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.github.RepositoryRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who passes the gate whatever their credit: anyone GitHub gives admin, maintain or write access. If
 * GitHub cannot tell, the author is treated as not privileged (as the original does) and it is logged.
 */
@ApplicationScoped
public class GateExemptions {

    private static final Logger LOG = Logger.getLogger(GateExemptions.class.getName());

    @Inject
    GitHubClient github;

    /** Why the author bypasses the gate, or null when they do not. */
    public String exemption(RepositoryRef repository, long repositoryId, String login) {
        RepositoryRole role;
        try {
            role = github.roleOf(repository, login);
        } catch (GitHubException e) {
            LOG.log(Level.WARNING, "could not read the permission of {0} on {1}; treating them as not privileged: {2}",
                    new Object[] {login, repository.fullName(), e.getMessage()});
            return null;
        }
        return role.bypassesGate() ? "author has " + role.name().toLowerCase(Locale.ROOT) + " access" : null;
    }

    /** Whether the repository runs in observe mode (records what it would do, does nothing on GitHub). */
    public boolean observing(long repositoryId) {
        return false;
    }
}
