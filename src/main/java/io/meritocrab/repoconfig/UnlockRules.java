package io.meritocrab.repoconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * `[gate] unlock`: which issues let a below-threshold contributor's pull request through once when it
 * closes them: issues assigned to the author (`"assigned"`) and issues with one of the labels
 * (`"label:NAME"`). None by default, so the gate behaves as the original's.
 */
public record UnlockRules(boolean assigned, Set<String> labels) {

    static final String ASSIGNED = "assigned";
    static final String LABEL = "label:";

    public UnlockRules {
        labels = Set.copyOf(labels);
    }

    public static UnlockRules none() {
        return new UnlockRules(false, Set.of());
    }

    public boolean any() {
        return assigned || !labels.isEmpty();
    }

    /** The entries as `.meritocrab.toml` writes them: `"assigned"` first, then the labels, sorted. */
    public List<String> entries() {
        List<String> entries = new ArrayList<>();
        if (assigned) {
            entries.add(ASSIGNED);
        }
        labels.stream().sorted().map(label -> LABEL + label).forEach(entries::add);
        return entries;
    }
}
