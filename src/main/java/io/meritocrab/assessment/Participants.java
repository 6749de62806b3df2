package io.meritocrab.assessment;

import io.meritocrab.history.HistoryRequests;
import io.meritocrab.inbox.Payload;
import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import io.meritocrab.scoring.ScoringPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Resolves the repository and the people an event is about. */
@ApplicationScoped
public class Participants {

    @Inject
    RepositoryDirectory directory;
    @Inject
    ContributorRepository contributors;
    @Inject
    RepositoryConfigs repositoryConfigs;
    @Inject
    HistoryRequests history;

    /** Who an event is about, and whether it is scored at all. */
    public sealed interface Participation {
    }

    /** The event earns nothing, for the reason given (it becomes the delivery's outcome). */
    public record Skipped(String reason) implements Participation {
    }

    /** The event is scored: the repository, its policy, and the contributor, locked for update. */
    public record Scored(TrackedRepository repository, ScoringPolicy policy, Contributor contributor)
            implements Participation {
    }

    /**
     * Resolves the repository and the user at {@code userPath}: skipped when the repository is not
     * served or the user is a bot, otherwise the contributor row is created if new and locked (and a
     * newcomer's track record asked for when the repository wants it).
     */
    public Participation of(Payload payload, String userPath) {
        Optional<TrackedRepository> served = servedRepository(payload);
        if (served.isEmpty()) {
            return new Skipped("ignored: repository not served");
        }
        if (isBot(payload, userPath)) {
            return new Skipped("ignored: made by a bot");
        }
        TrackedRepository repository = served.get();
        ScoringPolicy policy = repositoryConfigs.policyFor(repository.id());
        Contributor contributor = lock(repository, payload, userPath, policy);
        history.firstContribution(contributor);
        return new Scored(repository, policy, contributor);
    }

    /** The event's repository if the App still serves it (it is recorded either way). */
    public Optional<TrackedRepository> servedRepository(Payload payload) {
        TrackedRepository repository = directory.ensureKnown(payload.number("repository.id"),
                payload.name("repository.full_name"), payload.optionalLong("installation.id"));
        return repository.served() ? Optional.of(repository) : Optional.empty();
    }

    /** Apps act on GitHub too (including this one); their contributions are not scored. */
    public static boolean isBot(Payload payload, String userPath) {
        return "Bot".equals(payload.optionalText(userPath + ".type", "User"));
    }

    private Contributor lock(TrackedRepository repository, Payload payload, String userPath, ScoringPolicy policy) {
        return contributors.lockOrCreate(repository.id(), payload.number(userPath + ".id"),
                payload.name(userPath + ".login"), policy.startingCredit(), Instant.now());
    }
}
