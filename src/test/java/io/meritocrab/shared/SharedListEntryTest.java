package io.meritocrab.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SharedListEntryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void anEntryWithoutAnEndNeverExpires() {
        assertThat(entry(null).expired(NOW)).isFalse();
    }

    @Test
    void anEntryExpiresAtItsEnd() {
        assertThat(entry(NOW.plusSeconds(1)).expired(NOW)).isFalse();
        assertThat(entry(NOW).expired(NOW)).isTrue();
        assertThat(entry(NOW.minusSeconds(3600)).expired(NOW)).isTrue();
    }

    @Test
    void listsAreNamedInLowerCaseInUrls() {
        assertThat(SharedList.named("trust")).contains(SharedList.TRUST);
        assertThat(SharedList.named("deny")).contains(SharedList.DENY);
        assertThat(SharedList.named("DENY")).isEmpty();
        assertThat(SharedList.named("blacklist")).isEmpty();
    }

    private static SharedListEntry entry(Instant expiresAt) {
        SharedListEntry entry = new SharedListEntry(7, SharedList.DENY, 42);
        entry.set("someone", "why", "owner", NOW.minusSeconds(60), expiresAt);
        return entry;
    }
}
