package io.meritocrab.events;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
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

    /** The event's repository if the App still serves it (it is recorded either way). */
    public Optional<TrackedRepository> servedRepository(Payload payload) {
        TrackedRepository repository = directory.ensureKnown(payload.number("repository.id"),
                payload.text("repository.full_name"), payload.optionalLong("installation.id"));
        return repository.served() ? Optional.of(repository) : Optional.empty();
    }

    /** Apps act on GitHub too (including this one); their contributions are not scored. */
    public static boolean isBot(Payload payload, String userPath) {
        return "Bot".equals(payload.optionalText(userPath + ".type", "User"));
    }

    public Contributor lock(TrackedRepository repository, Payload payload, String userPath, ScoringPolicy policy) {
        return contributors.lockOrCreate(repository.id(), payload.number(userPath + ".id"),
                payload.text(userPath + ".login"), policy.startingCredit(), Instant.now());
    }
}
