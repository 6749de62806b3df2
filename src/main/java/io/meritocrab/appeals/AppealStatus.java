package io.meritocrab.appeals;

import java.util.Locale;

/** Where an appeal is: waiting for a maintainer, or decided one way or the other. */
public enum AppealStatus {
    OPEN, UPHELD, REVERSED;

    /** The status named in a URL or JSON (`open`, `upheld`, `reversed`); null for an unknown name. */
    public static AppealStatus named(String text) {
        for (AppealStatus status : values()) {
            if (status.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return status;
            }
        }
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
