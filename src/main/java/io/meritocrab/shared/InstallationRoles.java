package io.meritocrab.shared;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.github.GitHubClient;
import io.meritocrab.repos.Installation;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who may read and change an installation's shared lists. Owners change them: operators, the account
 * itself when the App is installed on a user account, and the organisation's owners (GitHub's org role
 * "admin", read through the App and cached like repository roles). Owners and the maintainers of the
 * installation's repositories read them. GitHub is asked about the org role only for someone who
 * maintains one of the repositories (an org owner always does), so a stranger who signs in costs the
 * App's quota no more than the console's repository checks ({@code access.RoleLookupBudget}) allow.
 */
@ApplicationScoped
public class InstallationRoles {

    private static final Logger LOG = Logger.getLogger(InstallationRoles.class.getName());

    @Inject
    RepositoryDirectory directory;
    @Inject
    RepositoryAccess access;
    @Inject
    GitHubClient github;

    public boolean owns(ConsoleUser user, long installationId) {
        if (user.operator()) {
            return true;
        }
        Optional<String> account = account(installationId);
        if (account.isEmpty()) {
            return false;
        }
        // Maintaining one of its repositories first: GitHub grants that to a user id, while a login freed
        // by a rename can be taken by anyone, and the recorded account login may be stale.
        if (!maintainsARepository(user, installationId)) {
            return false;
        }
        if (account.get().equalsIgnoreCase(user.login())) {
            return true;
        }
        try {
            return github.isOrganisationOwner(installationId, account.get(), user.login());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the role of {0} in {1}; treating them as not an owner: {2}",
                    new Object[] {user.login(), account.get(), e.getMessage()});
            return false;
        }
    }

    public boolean reads(ConsoleUser user, long installationId) {
        return maintainsARepository(user, installationId) || owns(user, installationId);
    }

    /** The account the App is installed on: as recorded from installation events, else its repositories' owner. */
    public Optional<String> account(long installationId) {
        return directory.installation(installationId).map(Installation::accountLogin)
                .or(() -> directory.servedBy(installationId).stream().findFirst().map(InstallationRoles::owner));
    }

    private boolean maintainsARepository(ConsoleUser user, long installationId) {
        return user.operator() || directory.servedBy(installationId).stream().anyMatch(r -> access.maintains(user, r));
    }

    private static String owner(TrackedRepository repository) {
        return repository.fullName().substring(0, repository.fullName().indexOf('/'));
    }
}
