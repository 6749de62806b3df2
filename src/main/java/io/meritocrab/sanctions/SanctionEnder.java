package io.meritocrab.sanctions;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.Sanctions;
import io.meritocrab.ledger.Sanctions.DueEnd;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends one leased sanction step in one transaction: the step is marked ended only while the lease is
 * held, and the ledger entries are written in the same transaction, so a lease lost to another server
 * writes nothing.
 */
@ApplicationScoped
public class SanctionEnder {

    private static final Logger LOG = Logger.getLogger(SanctionEnder.class.getName());

    @Inject
    ContributorRepository contributors;
    @Inject
    Sanctions sanctions;
    @Inject
    CreditLedger ledger;
    @Inject
    RepositoryConfigs configs;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void end(DueEnd end) {
        // The contributor's lock first, the order every ledger change takes.
        Optional<Contributor> locked = contributors.lockById(end.contributorId());
        if (locked.isEmpty() || !sanctions.endWhileHeld(end, Instant.now())) {
            return;
        }
        Contributor contributor = locked.get();
        ledger.endSanction(contributor, end.step(), end.stepCount(), configs.policyFor(contributor.repositoryId()));
        LOG.info(() -> "sanction step " + end.step() + " of " + end.stepCount() + " of contributor "
                + contributor.id() + " ended; credit " + contributor.credit());
    }
}
