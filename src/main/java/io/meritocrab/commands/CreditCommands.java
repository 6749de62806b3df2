package io.meritocrab.commands;

import io.meritocrab.assessment.Participants;
import io.meritocrab.commands.CommandTarget.Login;
import io.meritocrab.commands.CommandTarget.UserId;
import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.GitHubException;
import io.meritocrab.github.GitHubUser;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.github.RepositoryRole;
import io.meritocrab.inbox.Payload;
import io.meritocrab.inbox.StoredDelivery;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActions;
import io.meritocrab.maintainer.MaintainerActions.Outcome;
import io.meritocrab.outbox.GitHubOutbox;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.unlock.GateUnlocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a `/credit` command from a comment, in the comment delivery's transaction: only maintainers
 * (admin or maintain on the repository, as GitHub says) are obeyed. Anyone else's command is not run
 * and gets no reply, and their comment is evaluated like any other (a `/credit` line must not let a
 * comment escape evaluation). The reply is queued and posted after the commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CreditCommands {

    private static final Logger LOG = Logger.getLogger(CreditCommands.class.getName());

    @Inject
    Participants participants;
    @Inject
    GitHubClient github;
    @Inject
    MaintainerActions actions;
    @Inject
    ContributorRepository contributors;
    @Inject
    LedgerEntries entries;
    @Inject
    RepositoryConfigs configs;
    @Inject
    CommandReplies replies;
    @Inject
    GitHubOutbox outbox;
    @Inject
    GateUnlocks unlocks;

    /**
     * The outcome of the command when it was run; empty when it is not obeyed (repository not served,
     * no installation to ask who maintains it, a bot, or a commenter who does not maintain it), in which
     * case the comment is an ordinary comment.
     */
    public Optional<String> handle(StoredDelivery delivery, Payload payload, CreditCommand command) {
        Optional<TrackedRepository> served = participants.servedRepository(payload);
        if (served.isEmpty() || Participants.isBot(payload, "comment.user")) {
            return Optional.empty();
        }
        TrackedRepository repository = served.get();
        if (repository.installationId() == null) {
            return Optional.empty();
        }
        RepositoryRef ref = new RepositoryRef(repository.installationId(), repository.fullName());
        String maintainer = payload.text("comment.user.login");
        if (!maintains(ref, maintainer)) {
            return Optional.empty();
        }
        int issue = (int) payload.number("issue.number");
        String reply = run(command, repository, ref, maintainer);
        outbox.queueReply(repository.id(), issue, delivery.deliveryId(), reply);
        return Optional.of("/credit command by " + maintainer + " on #" + issue + ": "
                + command.getClass().getSimpleName());
    }

    private String run(CreditCommand command, TrackedRepository repository, RepositoryRef ref, String maintainer) {
        try {
            if (command instanceof CreditCommand.Malformed malformed) {
                return malformed.reply();
            }
            if (command instanceof CreditCommand.Check check) {
                return check(repository, ref, check.target());
            }
            if (command instanceof CreditCommand.Override override) {
                Contributor target = ensureContributor(repository, ref, override.target());
                Outcome outcome = actions.adjust(repository.id(), ContributorRef.userId(target.userId()),
                        override.delta(), maintainer, override.reason());
                return replies.overridden(outcome, override.delta(), override.reason());
            }
            if (command instanceof CreditCommand.Blacklist blacklist) {
                Contributor target = ensureContributor(repository, ref, blacklist.target());
                actions.setBlacklisted(repository.id(), ContributorRef.userId(target.userId()), true, maintainer, null);
                return replies.statusChanged();
            }
            if (command instanceof CreditCommand.Unblacklist unblacklist) {
                Contributor target = ensureContributor(repository, ref, unblacklist.target());
                actions.setBlacklisted(repository.id(), ContributorRef.userId(target.userId()), false, maintainer, null);
                return replies.statusChanged();
            }
            if (command instanceof CreditCommand.Invite invite) {
                Contributor target = ensureContributor(repository, ref, invite.target());
                return replies.invited(target.login(), unlocks.invite(target.id(), maintainer));
            }
            throw new IllegalArgumentException("not a command: " + command);
        } catch (UnknownUser e) {
            return e.getMessage();
        } catch (MaintainerActionException e) {
            return "Could not do that: " + e.getMessage();
        }
    }

    private String check(TrackedRepository repository, RepositoryRef ref, CommandTarget target) {
        Optional<Contributor> contributor = target instanceof Login login
                ? contributors.findByLogin(repository.id(), login.login())
                : contributors.findByUserId(repository.id(), ((UserId) target).id());
        String mode = configs.mode(repository.id()).fileValue();
        if (contributor.isEmpty()) {
            return replies.unknownContributor(target, configs.policyFor(repository.id()).startingCredit(), mode);
        }
        Contributor found = contributor.get();
        return replies.check(repository.fullName(), found, roleName(ref, found.login()), mode,
                unlocks.inviteValidUntil(found.id()), entries.latestCreditChanges(found.id(), 5));
    }

    /** The contributor the command names, created with the starting credit if the ledger has no row yet. */
    private Contributor ensureContributor(TrackedRepository repository, RepositoryRef ref, CommandTarget target) {
        Optional<Contributor> known = target instanceof Login login
                ? contributors.lockByLogin(repository.id(), login.login())
                : contributors.lockByUserId(repository.id(), ((UserId) target).id());
        if (known.isPresent()) {
            return known.get();
        }
        Optional<GitHubUser> user = target instanceof Login login
                ? github.user(ref.installationId(), login.login())
                : github.user(ref.installationId(), ((UserId) target).id());
        GitHubUser account = user.orElseThrow(() -> new UnknownUser("There is no GitHub user " + target + "."));
        return contributors.lockOrCreate(repository.id(), account.id(), account.login(),
                configs.policyFor(repository.id()).startingCredit(), Instant.now());
    }

    /**
     * Whether the commenter maintains the repository. When GitHub cannot say for now, the delivery is
     * tried again later (it throws); when it refuses, the command is not obeyed.
     */
    private boolean maintains(RepositoryRef ref, String login) {
        try {
            return github.roleOf(ref, login).maintains();
        } catch (GitHubException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.log(Level.WARNING, "could not read the permission of {0} on {1}; their /credit command is not "
                    + "obeyed: {2}", new Object[] {login, ref.fullName(), e.getMessage()});
            return false;
        }
    }

    private String roleName(RepositoryRef ref, String login) {
        try {
            RepositoryRole role = github.roleOf(ref, login);
            return role.name().toLowerCase(Locale.ROOT);
        } catch (GitHubException e) {
            return "unknown (GitHub did not say)";
        }
    }

    private static final class UnknownUser extends RuntimeException {
        UnknownUser(String message) {
            super(message);
        }
    }
}
