package io.meritocrab.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meritocrab.evaluation.Classification;
import it.io.meritocrab.support.OriginalMeritocrab;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's server-mode database, built from its own schema, read as the import reads an upload. */
class SqliteDatabaseFileTest {

    @TempDir
    Path dir;

    private OriginalMeritocrab.Database original;

    @BeforeEach
    void database() throws Exception {
        original = new OriginalMeritocrab.Database(dir.resolve("meritocrab.db"));
    }

    private OriginalLedger read() throws Exception {
        return SqliteDatabaseFile.read(new ByteArrayInputStream(original.bytes()), 1 << 20);
    }

    @Test
    void readsContributorsWithTheirEventsInOrderPerRepository() throws Exception {
        long ann = original.contributor(1001, "acme/widgets", 110, false);
        long bob = original.contributor(1002, "acme/gadgets", 0, true);
        original.event(ann, "comment", -5, 115, 110, null, null, "2025-02-01T00:00:00+00:00");
        original.event(ann, "pr_opened", 15, 100, 115, "{\"classification\":\"HighQuality\"}", null,
                "2025-01-01T00:00:00+00:00");
        original.event(bob, "blacklist_added", 0, 0, 0, null, "Manually blacklisted by maintainer",
                "2025-01-03T00:00:00+00:00");

        OriginalLedger ledger = read();

        assertThat(ledger.repositories()).extracting(OriginalLedger.Repository::fullName)
                .containsExactly("acme/widgets", "acme/gadgets");
        OriginalLedger.Contributor first = ledger.repositories().get(0).contributors().get(0);
        assertThat(first.userId()).isEqualTo(1001);
        assertThat(first.credit()).isEqualTo(110);
        assertThat(first.events()).extracting(OriginalLedger.Event::eventType).containsExactly("pr_opened", "comment");
        assertThat(first.events().get(0).evaluation()).contains("HighQuality");
        OriginalLedger.Contributor second = ledger.repositories().get(1).contributors().get(0);
        assertThat(second.blacklisted()).isTrue();
        assertThat(second.events().get(0).override()).isEqualTo("Manually blacklisted by maintainer");
    }

    @Test
    void keysStayTheSameWhenTheSameFileIsReadAgain() throws Exception {
        long ann = original.contributor(1001, "acme/widgets", 105, false);
        original.event(ann, "comment", 5, 100, 105, null, null, "2025-01-01T00:00:00+00:00");
        byte[] file = original.bytes();

        OriginalLedger once = SqliteDatabaseFile.read(new ByteArrayInputStream(file), 1 << 20);
        OriginalLedger twice = SqliteDatabaseFile.read(new ByteArrayInputStream(file), 1 << 20);

        assertThat(once.repositories().get(0).contributors().get(0).events().get(0).key())
                .isEqualTo(twice.repositories().get(0).contributors().get(0).events().get(0).key())
                .isEqualTo("meritocrab-db:acme/widgets:1001:event:1");
    }

    @Test
    void pendingEvaluationsAreReadWithTheOriginalsClassificationNames() throws Exception {
        long ann = original.contributor(1001, "acme/widgets", 100, false);
        original.pending("eval-1001-widgets-1", ann, "acme/widgets", "LowQuality", 0.6, -2, "pending", "2025-01-01T00:00:00Z");
        original.pending("eval-1001-widgets-2", ann, "acme/widgets", "HighQuality", 0.7, 15, "pending", "2025-01-02T00:00:00Z");

        List<OriginalLedger.Pending> pending = read().repositories().get(0).pending();

        assertThat(pending).extracting(OriginalLedger.Pending::classification)
                .containsExactly(Classification.LOW, Classification.HIGH);
        assertThat(pending).extracting(OriginalLedger.Pending::proposedDelta).containsExactly(-2, 15);
        assertThat(pending.get(0).userId()).isEqualTo(1001);
    }

    @Test
    void rowsThatCannotBeBroughtOverAreReportedWithTheReason() throws Exception {
        long ann = original.contributor(1001, "acme/widgets", 100, false);
        original.pending("decided", ann, "acme/widgets", "Acceptable", 0.6, 5, "approved", "2025-01-01T00:00:00Z");
        original.pending("odd", ann, "acme/widgets", "Brilliant", 0.6, 5, "pending", "2025-01-01T00:00:00Z");
        original.repoConfig("acme/widgets");
        original.execute("PRAGMA foreign_keys = OFF");
        original.event(999, "comment", 5, 100, 105, null, null, "2025-01-01T00:00:00Z");
        original.event(ann, "comment", -500, 100, -400, null, null, "2025-01-01T00:00:00Z");

        OriginalLedger ledger = read();

        assertThat(ledger.unmapped()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo("credit_events id=1");
            assertThat(row.reason()).contains("999").contains("not in contributors");
        });
        assertThat(ledger.repositories().get(0).unmapped()).extracting(OriginalLedger.Unmapped::row)
                .containsExactlyInAnyOrder("credit_events id=2", "pending_evaluations id=decided",
                        "pending_evaluations id=odd", "repo_configs acme/widgets");
        assertThat(ledger.repositories().get(0).unmapped()).extracting(OriginalLedger.Unmapped::reason)
                .anySatisfy(reason -> assertThat(reason).contains("below 0"))
                .anySatisfy(reason -> assertThat(reason).contains("already decided"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown classification 'Brilliant'"));
        assertThat(ledger.repositories().get(0).contributors().get(0).events()).isEmpty();
    }

    @Test
    void aFileThatIsNotSqliteIsRefused() {
        assertThatThrownBy(() -> SqliteDatabaseFile.read(new ByteArrayInputStream("{\"a\": 1}".getBytes()), 1 << 20))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("not a SQLite database");
    }

    @Test
    void aFileCutShortIsRefused() throws Exception {
        for (int i = 0; i < 200; i++) {
            long row = original.contributor(5000 + i, "acme/widgets", 100, false);
            original.event(row, "comment", 5, 100, 105, "x".repeat(500), null, "2025-01-01T00:00:00Z");
        }
        byte[] whole = original.bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> SqliteDatabaseFile.read(new ByteArrayInputStream(cut), 1 << 24))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aSqliteDatabaseWithoutTheOriginalsTablesIsRefused() throws Exception {
        Path other = dir.resolve("other.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
                var statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        }

        assertThatThrownBy(() -> SqliteDatabaseFile.read(new ByteArrayInputStream(Files.readAllBytes(other)), 1 << 20))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("not a meritocrab database").hasMessageContaining("contributors");
    }

    @Test
    void anUploadOverTheCapIsRefusedAsTooLarge() throws Exception {
        original.contributor(1001, "acme/widgets", 100, false);
        byte[] file = original.bytes();

        assertThatThrownBy(() -> SqliteDatabaseFile.read(new ByteArrayInputStream(file), file.length - 1))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(413));
    }
}
