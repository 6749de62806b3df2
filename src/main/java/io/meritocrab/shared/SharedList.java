package io.meritocrab.shared;

import java.util.Locale;
import java.util.Optional;

/** The two lists an installation's owners keep: trusted users bypass the gate, denied ones are shadow-closed. */
public enum SharedList {
    TRUST, DENY;

    /** The list named in a URL (`trust`, `deny`), if it is one. */
    public static Optional<SharedList> named(String name) {
        for (SharedList list : values()) {
            if (list.pathName().equals(name)) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
