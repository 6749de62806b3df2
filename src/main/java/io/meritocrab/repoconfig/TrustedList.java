package io.meritocrab.repoconfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The `trusted` entries of a repository: logins, and organisations (written `@org`) whose members
 * bypass the gate like maintainers. GitHub logins are case-insensitive, so entries are kept lower-cased.
 */
public record TrustedList(Set<String> logins, Set<String> organisations) {

    public TrustedList {
        logins = Set.copyOf(logins);
        organisations = Set.copyOf(organisations);
    }

    public static TrustedList none() {
        return new TrustedList(Set.of(), Set.of());
    }

    /** From entries already checked to be `login` or `@org`. */
    static TrustedList of(List<String> entries) {
        Set<String> logins = new LinkedHashSet<>();
        Set<String> organisations = new LinkedHashSet<>();
        for (String entry : entries) {
            if (entry.startsWith("@")) {
                organisations.add(lower(entry.substring(1)));
            } else {
                logins.add(lower(entry));
            }
        }
        return new TrustedList(logins, organisations);
    }

    public boolean trustsLogin(String login) {
        return login != null && logins.contains(lower(login));
    }

    public boolean isEmpty() {
        return logins.isEmpty() && organisations.isEmpty();
    }

    /** The entries as `.meritocrab.toml` writes them, logins first, each list sorted. */
    public List<String> entries() {
        List<String> entries = new ArrayList<>(logins.stream().sorted().toList());
        organisations.stream().sorted().map(org -> "@" + org).forEach(entries::add);
        return entries;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
