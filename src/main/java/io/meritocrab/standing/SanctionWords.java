package io.meritocrab.standing;

import java.util.List;
import java.util.Locale;

/**
 * Keeps words that would reveal a sanction off the contributor's own page. System text never uses them
 * there, but reasons are also written by maintainers (and by the original meritocrab, for imported
 * entries); such a text is withheld whole rather than edited.
 */
final class SanctionWords {

    static final String WITHHELD = "(no reason shown)";
    private static final List<String> WORDS = List.of("blacklist", "black-list", "black list", "shadow", "sanction");

    private SanctionWords() {
    }

    static String withheld(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains) ? WITHHELD : text;
    }
}
