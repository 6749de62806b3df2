package io.meritocrab.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one original contributor into the ledger entries still to write here, given where the
 * contributor stands here now and which original rows were imported before. Each entry starts where the
 * previous one ended (the chain of this ledger) and ends where the original's event ended; when the
 * events do not end at the original's credit, one more entry brings it there. Rows imported before are
 * left out, so planning the same data again after an import plans nothing.
 */
final class ImportPlanner {

    private static final int MAX_REASON = 1000;

    private ImportPlanner() {
    }

    /** Where the contributor stands here: {@code exists} false means it would be created with this credit. */
    record Standing(boolean exists, int credit, boolean blacklisted) {
    }

    enum Step { CREDIT, BLACKLIST }

    /** One entry to write: its key, the original's own delta, the credit it ends at, and its reason. */
    record Planned(Step step, String key, int originalDelta, int creditBefore, int creditAfter, String reason) {
    }

    static List<Planned> plan(OriginalLedger.Contributor original, Standing here, Set<String> imported) {
        List<Planned> planned = new ArrayList<>();
        int running = here.credit();
        int newEvents = 0;
        for (OriginalLedger.Event event : original.events()) {
            if (imported.contains(event.key())) {
                continue;
            }
            newEvents++;
            planned.add(new Planned(Step.CREDIT, event.key(), event.delta(), running, event.creditAfter(),
                    reason(event)));
            running = event.creditAfter();
        }
        boolean freshHere = newEvents > 0 || !here.exists();
        if (freshHere && running != original.credit() && !imported.contains(original.creditKey())) {
            planned.add(new Planned(Step.CREDIT, original.creditKey(), original.credit() - running, running,
                    original.credit(), "meritocrab credit: " + original.credit() + " there"
                            + (original.events().isEmpty() ? " (no events kept)"
                            : " (its events end at " + lastAfter(original) + ")")));
        }
        if (original.blacklisted() && !here.blacklisted() && !imported.contains(original.blacklistKey())) {
            planned.add(new Planned(Step.BLACKLIST, original.blacklistKey(), 0, original.credit(), original.credit(),
                    "meritocrab blacklist: blacklisted there"));
        }
        return planned;
    }

    /** The original event as text: type, delta, before → after, time, and what the evaluation said. */
    static String reason(OriginalLedger.Event event) {
        StringBuilder text = new StringBuilder("meritocrab ").append(event.eventType())
                .append(": delta ").append(signed(event.delta()))
                .append(", ").append(event.creditBefore()).append(" -> ").append(event.creditAfter())
                .append(" at ").append(event.time());
        if (event.pullRequest() != null) {
            text.append(", PR #").append(event.pullRequest());
        }
        if (event.override() != null && !event.override().isBlank()) {
            text.append("; maintainer: ").append(event.override().strip());
        }
        if (event.evaluation() != null && !event.evaluation().isBlank()) {
            text.append("; evaluation: ").append(event.evaluation().strip());
        }
        return text.length() <= MAX_REASON ? text.toString() : text.substring(0, MAX_REASON - 1) + "…";
    }

    private static int lastAfter(OriginalLedger.Contributor original) {
        return original.events().get(original.events().size() - 1).creditAfter();
    }

    private static String signed(int delta) {
        return delta > 0 ? "+" + delta : String.valueOf(delta);
    }
}
