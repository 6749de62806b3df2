package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Checks of a contributor's ledger as the admin API shows it. */
public final class Ledgers {

    private Ledgers() {
    }

    /**
     * The ledger invariant: credit is the clamp-at-0 fold of the entries' deltas from the starting
     * credit, and each entry starts where the previous one ended.
     */
    public static void assertConsistent(JsonObject contributor, int startingCredit) {
        JsonArray newestFirst = contributor.getJsonArray("entries");
        List<JsonObject> oldestFirst = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.getJsonObject(i));
        }
        int credit = startingCredit;
        for (JsonObject entry : oldestFirst) {
            assertThat(entry.getInt("creditBefore")).as("entry %s starts where the previous ended", entry).isEqualTo(credit);
            credit = Math.max(0, credit + entry.getInt("delta"));
            assertThat(entry.getInt("creditAfter")).as("entry %s", entry).isEqualTo(credit);
        }
        assertThat(contributor.getInt("credit")).isEqualTo(credit);
    }
}
