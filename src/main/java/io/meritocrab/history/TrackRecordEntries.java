package io.meritocrab.history;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.platform.Texts;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Writes a leased lookup's outcome in a transaction of its own: the TRACK_RECORD ledger entry (an
 * adjustment, or 0 with the reason it was skipped) and the deletion of the request commit together, and
 * only while the lease is held, so a contributor gets one such entry however many servers run.
 */
@ApplicationScoped
public class TrackRecordEntries {

    private static final Logger LOG = Logger.getLogger(TrackRecordEntries.class.getName());
    private static final int MAX_REASON = 1000;

    @Inject
    ContributorRepository contributors;
    @Inject
    HistoryRequests requests;
    @Inject
    CreditLedger ledger;
    @Inject
    RepositoryConfigs configs;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(HistoryRequest request, StartingCreditAdjustment adjustment) {
        // The contributor's lock first, the order every ledger change takes.
        Optional<Contributor> locked = contributors.lockById(request.contributorId());
        if (locked.isEmpty() || !requests.remove(request)) {
            return;
        }
        Contributor contributor = locked.get();
        ledger.apply(contributor, EntryKind.TRACK_RECORD, adjustment.delta(),
                LedgerCause.system(Texts.cut(adjustment.reason(), MAX_REASON), null, null),
                configs.policyFor(contributor.repositoryId()));
        LOG.info(() -> "contributor=" + contributor.id() + " track record " + adjustment.delta() + ": "
                + adjustment.reason());
    }

    /** Drops a request that no longer needs an entry (the repository turned `[history]` off meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void drop(HistoryRequest request) {
        requests.remove(request);
    }
}
