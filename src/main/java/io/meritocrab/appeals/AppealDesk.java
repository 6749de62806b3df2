package io.meritocrab.appeals;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.CreditLedger;
import io.meritocrab.ledger.EntryKind;
import io.meritocrab.ledger.LedgerCause;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Appeals from filing to decision. A contributor (by GitHub user id) asks a maintainer to look again at
 * one of their entries that cost credit; the maintainer upholds the entry or reverses it, which gives the
 * credit back in a ledger entry naming the maintainer and the appeal. The contributor's row is locked
 * first in both, so the limits hold with concurrent requests. A sanction neither blocks an appeal nor
 * shows in any refusal.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = AppealException.class)
public class AppealDesk {

    public static final int MAX_TEXT = 1000;
    public static final int PER_WINDOW = 3;
    public static final Duration WINDOW = Duration.ofDays(30);
    private static final int MAX_NOTE = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Appeals appeals;
    @Inject
    ContributorRepository contributors;
    @Inject
    LedgerEntries entries;
    @Inject
    CreditLedger ledger;
    @Inject
    RepositoryConfigs configs;

    private final Clock clock = Clock.systemUTC();

    /** Files an appeal on the entry for the GitHub account {@code gitHubUserId}; its own entries only. */
    public Appeal file(long gitHubUserId, long entryId, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new AppealException.Refused("Say in a few words why this should be looked at again.");
        }
        if (body.length() > MAX_TEXT) {
            throw new AppealException.Refused("Please keep it to " + MAX_TEXT + " characters (this was "
                    + body.length() + ").");
        }
        LedgerEntry entry = entries.find(entryId).orElseThrow(() -> new AppealException.Unknown("entry " + entryId));
        Contributor contributor = contributors.lockById(entry.contributorId())
                .filter(c -> c.userId() == gitHubUserId)
                .orElseThrow(() -> new AppealException.Unknown("entry " + entryId));
        if (entry.delta() >= 0) {
            throw new AppealException.Refused("Only a change that cost credit can be looked at again.");
        }
        List<Appeal> earlier = appeals.onEntry(entry.id());
        if (earlier.stream().anyMatch(a -> a.status() == AppealStatus.OPEN)) {
            throw new AppealException.Refused("A maintainer has not answered your request on this change yet.");
        }
        if (earlier.stream().anyMatch(a -> a.status() == AppealStatus.REVERSED)) {
            throw new AppealException.Refused("This change was already reversed.");
        }
        Instant now = clock.instant();
        List<Appeal> recent = appeals.madeSince(contributor.id(), now.minus(WINDOW));
        if (recent.size() >= PER_WINDOW) {
            Instant next = recent.get(recent.size() - PER_WINDOW).createdAt().plus(WINDOW);
            throw new AppealException.Refused("You can ask " + PER_WINDOW + " times in " + WINDOW.toDays()
                    + " days in a repository; you can ask again from " + DAY.format(next) + ".");
        }
        return appeals.add(new Appeal(entry.repositoryId(), contributor.id(), entry.id(), body, now));
    }

    /** The maintainer keeps the entry as it is. */
    public Appeal uphold(long repositoryId, long appealId, String maintainer, String note) {
        Appeal appeal = lockOpen(repositoryId, appealId);
        appeal.decide(AppealStatus.UPHELD, maintainer, note(note), null, clock.instant());
        return appeal;
    }

    /** The maintainer reverses the entry: its credit comes back in an entry naming them and the appeal. */
    public Appeal reverse(long repositoryId, long appealId, String maintainer, String note) {
        Appeal appeal = lockOpen(repositoryId, appealId);
        LedgerEntry appealed = entries.find(appeal.ledgerEntryId()).orElseThrow();
        Contributor contributor = contributors.lockById(appeal.contributorId()).orElseThrow();
        String why = note(note);
        String reason = "appeal #" + appeal.id() + " on entry #" + appealed.id() + " reversed by " + maintainer
                + (why == null ? "" : ": " + why);
        LedgerEntry reversal = ledger.apply(contributor, EntryKind.APPEAL_REVERSED, -appealed.delta(),
                new LedgerCause(maintainer, reason.length() > MAX_NOTE ? reason.substring(0, MAX_NOTE) : reason,
                        null, null),
                configs.policyFor(repositoryId));
        appeals.flush();
        appeal.decide(AppealStatus.REVERSED, maintainer, why, reversal.id(), clock.instant());
        return appeal;
    }

    private Appeal lockOpen(long repositoryId, long appealId) {
        Appeal appeal = appeals.find(appealId).filter(a -> a.repositoryId() == repositoryId)
                .orElseThrow(() -> new AppealException.Unknown("appeal " + appealId));
        // The contributor first, as filing does, then the appeal (it may have been decided meanwhile).
        contributors.lockById(appeal.contributorId());
        appeals.lock(appeal);
        if (appeal.status() != AppealStatus.OPEN) {
            throw new AppealException.NotOpen(appeal);
        }
        return appeal;
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        return text.length() > MAX_NOTE ? text.substring(0, MAX_NOTE) : text;
    }
}
