package it.io.meritocrab.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Http;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.MeritocrabIT;
import it.io.meritocrab.support.OriginalMeritocrab;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing from the original meritocrab through the admin API: its SQLite database and its Actions-mode
 * files, made by the test from the original's schema and formats, on a repository this server serves.
 */
class MeritocrabImportIT extends MeritocrabIT {

    private static final String SQLITE = "application/vnd.sqlite3";

    @TempDir
    Path dir;

    private final Repo repo = GitHubPayloads.newRepo("import");
    private final long ann = GitHubPayloads.uniqueId();
    private final long bob = GitHubPayloads.uniqueId();

    @Test
    void dryRunThenImportThenTheSameImportAgainChangesNothing() throws Exception {
        serve(repo);
        byte[] file = originalDatabase();

        JsonObject dryRun = report(api.post("/api/import/sqlite?dryRun=true", SQLITE, file), 200);

        assertThat(dryRun.getBoolean("dryRun")).isTrue();
        JsonObject planned = repository(dryRun, repo.fullName());
        assertThat(planned.getString("outcome")).isEqualTo("would import");
        assertThat(planned.getInt("contributors")).isEqualTo(2);
        assertThat(planned.getInt("newContributors")).isEqualTo(2);
        assertThat(planned.getInt("entries")).as("ann: 2 events; bob: 2 events and the blacklist").isEqualTo(5);
        assertThat(planned.getInt("pendingEvaluations")).isEqualTo(1);
        assertThat(planned.getInt("blacklisted")).isEqualTo(1);
        assertThat(rows(planned)).anySatisfy(r -> assertThat(r).startsWith("pending_evaluations id=decided-").contains("already decided"))
                .anySatisfy(r -> assertThat(r).startsWith("repo_configs " + repo.fullName()));
        assertThat(repository(dryRun, "gone-" + repo.owner() + "/elsewhere").getString("outcome")).isEqualTo("unknown");
        assertThat(dryRun.getJsonArray("unmapped").getJsonObject(0).getString("reason")).contains("not in contributors");
        assertThat(importedRows()).as("a dry run writes nothing").isZero();
        assertThat(Inbox.count("SELECT COUNT(*) FROM contributor WHERE repository_id = ?", repo.id())).isZero();

        JsonObject done = repository(report(api.post("/api/import/sqlite", SQLITE, file), 200), repo.fullName());

        assertThat(done.getString("outcome")).isEqualTo("imported");
        assertThat(done.getInt("entries")).isEqualTo(5);
        JsonObject annHere = contributor("user:" + ann);
        assertThat(annHere.getInt("credit")).isEqualTo(110);
        assertThat(annHere.getJsonArray("entries").getJsonObject(1).getString("kind")).isEqualTo("IMPORTED");
        assertThat(annHere.getJsonArray("entries").getJsonObject(1).getString("reason"))
                .contains("pr_opened").contains("+15").contains("100 -> 115").contains("2025-01-01T10:00:00+00:00")
                .contains("HighQuality");
        Ledgers.assertConsistent(annHere, 100);
        JsonObject bobHere = contributor("user:" + bob);
        assertThat(bobHere.getBoolean("blacklisted")).isTrue();
        assertThat(bobHere.getInt("credit")).isZero();
        assertThat(kinds(bobHere)).containsExactly("BLACKLISTED", "IMPORTED", "IMPORTED");
        Ledgers.assertConsistent(bobHere, 100);
        JsonArray queue = api.json(repo.apiPath() + "/evaluations?status=pending").getJsonArray("items");
        assertThat(queue).hasSize(1);
        assertThat(queue.getJsonObject(0).getString("classification")).isEqualTo("LOW");
        assertThat(queue.getJsonObject(0).getInt("proposedDelta")).isEqualTo(-2);
        assertThat(queue.getJsonObject(0).getString("reasoning")).contains("imported from meritocrab");
        assertLedgerInvariant(repo);
        int entries = Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE repository_id = ?", repo.id());

        JsonObject again = repository(report(api.post("/api/import/sqlite", SQLITE, file), 200), repo.fullName());

        assertThat(again.getInt("entries")).isZero();
        assertThat(again.getInt("alreadyImported")).isEqualTo(4);
        assertThat(again.getInt("pendingEvaluations")).isZero();
        assertThat(again.getInt("pendingAlreadyImported")).isEqualTo(1);
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE repository_id = ?", repo.id())).isEqualTo(entries);
        assertThat(Inbox.count("SELECT COUNT(*) FROM evaluation WHERE repository_id = ?", repo.id())).isEqualTo(1);
        assertThat(contributor("user:" + ann).getInt("credit")).isEqualTo(110);
        assertLedgerInvariant(repo);
    }

    @Test
    void twoImportsOfTheSameDataAtOnceImportItOnce() throws Exception {
        serve(repo);
        byte[] file = originalDatabase();

        List<CompletableFuture<HttpResponse<String>>> both = List.of(
                CompletableFuture.supplyAsync(() -> api.post("/api/import/sqlite", SQLITE, file)),
                CompletableFuture.supplyAsync(() -> api.post("/api/import/sqlite", SQLITE, file)));

        for (CompletableFuture<HttpResponse<String>> answer : both) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
        }
        assertThat(both.stream().mapToInt(a -> repository(AdminApi.parse(a.join().body()), repo.fullName())
                .getInt("entries")).sum()).isEqualTo(5);
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE repository_id = ?", repo.id())).isEqualTo(5);
        assertThat(Inbox.count("SELECT COUNT(*) FROM evaluation WHERE repository_id = ?", repo.id())).isEqualTo(1);
        assertLedgerInvariant(repo);
    }

    @Test
    void aContributorKnownHereContinuesFromItsOwnLedger() throws Exception {
        User cid = new User("cid-" + ann, ann, "User");
        deliver("issue_comment", GitHubPayloads.issueComment(repo, cid, 1, "+1"));
        OriginalMeritocrab.Database original = new OriginalMeritocrab.Database(dir.resolve("known.db"));
        long row = original.contributor(ann, repo.fullName(), 120, false);
        original.event(row, "pr_opened", 20, 100, 120, null, null, "2025-01-01T10:00:00+00:00");

        report(api.post("/api/import/sqlite", SQLITE, original.bytes()), 200);

        JsonObject here = contributor(cid.login());
        assertThat(here.getInt("credit")).isEqualTo(120);
        assertThat(kinds(here)).containsExactly("IMPORTED", "COMMENT_CREATED");
        Ledgers.assertConsistent(here, 100);
        assertLedgerInvariant(repo);
    }

    @Test
    void theActionsModesFilesAreImportedOnceWithTheirLoginsAndBlacklist() {
        serve(repo);
        OriginalMeritocrab.ActionsState state = new OriginalMeritocrab.ActionsState()
                .contributor(ann, "ann-" + ann, 120, false)
                .contributor(bob, "bob-" + bob, 0, true)
                .contributor(GitHubPayloads.uniqueId(), "quiet-" + ann, 100, false)
                .event(ann, "pr_opened", 15, 100, 115, 3, "high quality change", "2025-01-01T10:00:00+00:00")
                .event(bob, "manual_adjustment", -100, 100, 0, null, null, "2025-01-02T10:00:00+00:00")
                .event(ann, "review_submitted", 5, 115, 120, 3, null, "2025-01-03T10:00:00+00:00")
                .event(GitHubPayloads.uniqueId(), "comment", 5, 100, 105, null, null, "2025-01-04T10:00:00+00:00");
        byte[] body = state.body(repo.fullName()).getBytes(StandardCharsets.UTF_8);

        JsonObject dryRun = repository(report(api.post("/api/import/actions?dryRun=true", "application/json", body), 200),
                repo.fullName());
        assertThat(dryRun.getInt("contributors")).isEqualTo(3);
        assertThat(dryRun.getInt("entries")).isEqualTo(4);
        assertThat(rows(dryRun)).anySatisfy(r -> assertThat(r).contains("not in contributors.json"));
        assertThat(importedRows()).isZero();

        report(api.post("/api/import/actions", "application/json", body), 200);
        JsonObject again = repository(report(api.post("/api/import/actions", "application/json", body), 200),
                repo.fullName());

        assertThat(again.getInt("entries")).isZero();
        JsonObject annHere = contributor("ann-" + ann);
        assertThat(annHere.getInt("credit")).isEqualTo(120);
        assertThat(kinds(annHere)).containsExactly("IMPORTED", "IMPORTED");
        assertThat(annHere.getJsonArray("entries").getJsonObject(1).getString("reason")).contains("PR #3")
                .contains("high quality change");
        assertThat(contributor("bob-" + bob).getBoolean("blacklisted")).isTrue();
        assertThat(contributor("quiet-" + ann).getInt("credit")).isEqualTo(100);
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE repository_id = ?", repo.id())).isEqualTo(4);
        assertLedgerInvariant(repo);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        serve(repo);
        byte[] file = originalDatabase();
        int before = importedRows();

        assertRefused(api.post("/api/import/sqlite", SQLITE, "not a database at all".getBytes()), 400, "not a SQLite database");
        assertRefused(api.post("/api/import/sqlite", SQLITE, Arrays.copyOf(file, file.length / 2)), 400, "SQLite file");
        assertRefused(api.post("/api/import/sqlite", SQLITE, new byte[ItEnvironment.MAX_IMPORT_UPLOAD + 1]), 413,
                "larger than");
        assertRefused(api.post("/api/import/actions", "application/json", "{\"repository\": ".getBytes()), 400,
                "not valid JSON");
        assertRefused(api.post("/api/import/actions", "application/json",
                ("{\"repository\": \"" + repo.fullName() + "\", \"contributors\": [], \"events\": []}").getBytes()),
                400, "contributors.json");
        assertRefused(api.post("/api/import/actions", "application/json",
                new OriginalMeritocrab.ActionsState().contributor(ann, "ann", 5, false).body("nobody-" + ann + "/none")
                        .getBytes(StandardCharsets.UTF_8)), 404, "unknown repository");
        OriginalMeritocrab.Database elsewhere = new OriginalMeritocrab.Database(dir.resolve("elsewhere.db"));
        elsewhere.contributor(ann, "nobody-" + ann + "/none", 100, false);
        assertRefused(api.post("/api/import/sqlite", SQLITE, elsewhere.bytes()), 404, "no repository of the data");
        assertRefused(api.post("/api/import/postgresql", "application/json",
                "{\"url\": \"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'x'\", \"user\": \"u\", \"password\": \"p\"}".getBytes()),
                400, "jdbc:postgresql://");
        HttpResponse<String> anonymous = Http.send(HttpRequest.newBuilder(URI.create(
                        base.toString().replaceAll("/$", "") + "/api/import/sqlite"))
                .header("Content-Type", SQLITE).POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(anonymous.statusCode()).isEqualTo(401);

        assertThat(importedRows()).isEqualTo(before);
        assertThat(Inbox.count("SELECT COUNT(*) FROM contributor WHERE repository_id = ?", repo.id())).isZero();
    }

    @Test
    void aPostgresqlPasswordNeverAppearsInTheAnswer() {
        String password = "pw-" + GitHubPayloads.uniqueId();

        HttpResponse<String> answer = api.post("/api/import/postgresql", "{\"url\": \"jdbc:postgresql://localhost:1/none\", "
                + "\"user\": \"meritocrab\", \"password\": \"" + password + "\"}");

        if (ItEnvironment.embeddedDatabase()) {
            // The embedded-database test server has the H2 driver alone.
            assertThat(answer.statusCode()).isEqualTo(501);
            assertThat(answer.body()).contains("no PostgreSQL driver");
        } else {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("could not read the PostgreSQL database");
        }
        assertThat(answer.body()).doesNotContain(password);
    }

    @Test
    void theOriginalsPostgresqlDatabaseIsImportedByUrl() throws Exception {
        Assumptions.assumeFalse(ItEnvironment.embeddedDatabase(), "a second database is made only on PostgreSQL");
        serve(repo);
        String name = "original_" + ann;
        try (OriginalMeritocrab.Database original = OriginalMeritocrab.Database.onPostgres(
                ItEnvironment.freshDatabase(name))) {
            long row = original.contributor(ann, repo.fullName(), 130, false);
            original.event(row, "pr_opened", 15, 100, 115, null, null, "2025-01-01T10:00:00+00:00");
            original.event(row, "pr_merged", 15, 115, 130, null, null, "2025-01-02T10:00:00+00:00");
        }
        String source = "{\"url\": \"" + ItEnvironment.jdbcUrl(name) + "\", \"user\": \"postgres\", "
                + "\"password\": \"postgres\"}";

        JsonObject dryRun = repository(report(api.post("/api/import/postgresql?dryRun=true", source), 200),
                repo.fullName());
        assertThat(dryRun.getInt("entries")).isEqualTo(2);
        report(api.post("/api/import/postgresql", source), 200);
        JsonObject again = repository(report(api.post("/api/import/postgresql", source), 200), repo.fullName());

        assertThat(again.getInt("entries")).isZero();
        assertThat(contributor("user:" + ann).getInt("credit")).isEqualTo(130);
        assertLedgerInvariant(repo);
    }

    @Test
    void theConsolePageShowsTheDryRunAndImportsOnConfirmation() throws Exception {
        serve(repo);
        ConsoleSession browser = new ConsoleSession(base);
        browser.signInWithToken(ItEnvironment.ADMIN_TOKEN);
        String page = browser.get("/console/import.xhtml").body();
        assertThat(page).contains("Import from meritocrab");

        HttpResponse<String> dryRun = browser.submitFiles("/console/import.xhtml", page, "sqlite",
                Map.of("sqlite:dryRun", "Dry run"), Map.of("sqlite:database", originalDatabase()));

        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(dryRun.body()).contains("Dry run: what would be imported").contains(repo.fullName())
                .contains("would import").contains("already decided there").contains("confirm:import");
        assertThat(importedRows()).isZero();

        HttpResponse<String> confirmed = browser.submit("/console/import.xhtml", dryRun.body(), "confirm",
                Map.of("confirm:import", "Import"));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Imported").doesNotContain("confirm:import");
        assertThat(contributor("user:" + ann).getInt("credit")).isEqualTo(110);
        assertLedgerInvariant(repo);

        HttpResponse<String> notSqlite = browser.submitFiles("/console/import.xhtml", confirmed.body(), "sqlite",
                Map.of("sqlite:dryRun", "Dry run"), Map.of("sqlite:database", "hello".getBytes()));
        assertThat(notSqlite.body()).contains("not a SQLite database").doesNotContain("confirm:import");
        byte[] tooLarge = new byte[ItEnvironment.MAX_IMPORT_UPLOAD + 1];
        tooLarge[0] = 'S';
        HttpResponse<String> overCap = browser.submitFiles("/console/import.xhtml", notSqlite.body(), "sqlite",
                Map.of("sqlite:dryRun", "Dry run"), Map.of("sqlite:database", tooLarge));
        assertThat(overCap.statusCode()).isEqualTo(200);
        assertThat(overCap.body()).contains("larger than " + ItEnvironment.MAX_IMPORT_UPLOAD + " bytes");
        HttpResponse<String> huge = browser.submitFiles("/console/import.xhtml", notSqlite.body(), "sqlite",
                Map.of("sqlite:dryRun", "Dry run"), Map.of("sqlite:database", new byte[3 * ItEnvironment.MAX_IMPORT_UPLOAD]));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("larger than the import takes");
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE repository_id = ?", repo.id())).isEqualTo(5);
    }

    @Test
    void aMaintainerImportsOnlyTheRepositoriesTheyMaintain() throws Exception {
        Repo theirs = GitHubPayloads.newRepo("import-b");
        serve(repo);
        serve(theirs);
        String maintainer = "maint-" + GitHubPayloads.uniqueId();
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/"
                + maintainer + "/permission")).willReturn(okJson("{\"permission\":\"admin\",\"role_name\":\"admin\","
                + "\"user\":{\"login\":\"" + maintainer + "\"}}")));
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + theirs.fullName() + "/collaborators/"
                + maintainer + "/permission")).willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"write\","
                + "\"user\":{\"login\":\"" + maintainer + "\"}}")));
        OriginalMeritocrab.Database original = new OriginalMeritocrab.Database(dir.resolve("two.db"));
        original.contributor(ann, repo.fullName(), 120, false);
        original.contributor(ann, theirs.fullName(), 150, false);
        ConsoleSession browser = new ConsoleSession(base);
        assertThat(browser.signInWithGitHub(maintainer).statusCode()).isEqualTo(302);
        String page = browser.get("/console/import.xhtml").body();

        HttpResponse<String> dryRun = browser.submitFiles("/console/import.xhtml", page, "sqlite",
                Map.of("sqlite:dryRun", "Dry run"), Map.of("sqlite:database", original.bytes()));
        HttpResponse<String> confirmed = browser.submit("/console/import.xhtml", dryRun.body(), "confirm",
                Map.of("confirm:import", "Import"));

        assertThat(dryRun.body()).contains("not yours").contains("you do not maintain " + theirs.fullName());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(contributor("user:" + ann).getInt("credit")).isEqualTo(120);
        assertThat(Inbox.count("SELECT COUNT(*) FROM contributor WHERE repository_id = ?", theirs.id())).isZero();
    }

    /** The original's database for {@link #repo}: two contributors, one blacklisted, and rows it cannot map. */
    private byte[] originalDatabase() throws Exception {
        OriginalMeritocrab.Database original = new OriginalMeritocrab.Database(dir.resolve("meritocrab.db"));
        long annRow = original.contributor(ann, repo.fullName(), 110, false);
        long bobRow = original.contributor(bob, repo.fullName(), 0, true);
        original.contributor(ann, "gone-" + repo.owner() + "/elsewhere", 100, false);
        original.event(annRow, "pr_opened", 15, 100, 115, "{\"classification\":\"HighQuality\",\"confidence\":0.9}",
                null, "2025-01-01T10:00:00+00:00");
        original.event(annRow, "comment", -5, 115, 110, "{\"classification\":\"LowQuality\"}", null,
                "2025-01-02T10:00:00+00:00");
        original.event(bobRow, "manual_adjustment", -100, 100, 0, null, "spam wave", "2025-01-03T10:00:00+00:00");
        original.event(bobRow, "auto_blacklist", 0, 0, 0, null, "Auto-blacklisted due to credit dropping to 0",
                "2025-01-03T10:00:01+00:00");
        original.pending("eval-" + ann + "-widgets-1", annRow, repo.fullName(), "LowQuality", 0.6, -2, "pending",
                "2025-01-04T10:00:00+00:00");
        original.pending("decided-" + ann, annRow, repo.fullName(), "Acceptable", 0.7, 5, "approved",
                "2025-01-04T11:00:00+00:00");
        original.repoConfig(repo.fullName());
        original.execute("PRAGMA foreign_keys = OFF");
        original.event(987654321, "comment", 5, 100, 105, null, null, "2025-01-05T10:00:00+00:00");
        return original.bytes();
    }

    private void serve(Repo served) {
        deliver("installation", GitHubPayloads.installation("created", served.installationId(), served.owner(), served));
    }

    private JsonObject contributor(String login) {
        return api.json(repo.apiPath() + "/contributors/" + login);
    }

    /**
     * The ledger invariant over every contributor of the repository, by query: entries chain from the
     * starting credit (each starts where the previous ended, after = before + delta, never below 0) and
     * the contributor's credit is where the last one ended.
     */
    private static void assertLedgerInvariant(Repo repo) {
        List<Map<String, Object>> rows = Inbox.rows("SELECT c.id, c.credit, e.credit_before, e.delta, e.credit_after "
                + "FROM contributor c LEFT JOIN ledger_entry e ON e.contributor_id = c.id WHERE c.repository_id = ? "
                + "ORDER BY c.id, e.seq", repo.id());
        assertThat(rows).isNotEmpty();
        Long current = null;
        int credit = 0;
        int expectedEnd = 0;
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            if (current == null || current != id) {
                assertThat(credit).as("contributor %s ends where its last entry ended", current).isEqualTo(expectedEnd);
                current = id;
                credit = 100;
                expectedEnd = ((Number) row.get("credit")).intValue();
            }
            if (row.get("credit_before") != null) {
                assertThat(((Number) row.get("credit_before")).intValue()).as("contributor %s chains", id).isEqualTo(credit);
                credit = Math.max(0, credit + ((Number) row.get("delta")).intValue());
                assertThat(((Number) row.get("credit_after")).intValue()).isEqualTo(credit);
            }
        }
        assertThat(credit).as("contributor %s ends where its last entry ended", current).isEqualTo(expectedEnd);
    }

    private int importedRows() {
        return Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE repository_id = ? AND import_key IS NOT NULL",
                repo.id())
                + Inbox.count("SELECT COUNT(*) FROM evaluation WHERE repository_id = ? AND import_key IS NOT NULL",
                repo.id());
    }

    private static JsonObject report(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return AdminApi.parse(answer.body());
    }

    private static JsonObject repository(JsonObject report, String fullName) {
        return report.getJsonArray("repositories").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("repository").equalsIgnoreCase(fullName)).findFirst()
                .orElseThrow(() -> new AssertionError(fullName + " not in " + report));
    }

    private static List<String> rows(JsonObject repositoryReport) {
        return repositoryReport.getJsonArray("unmapped").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("row") + ": " + r.getString("reason")).toList();
    }

    private static List<String> kinds(JsonObject contributor) {
        return contributor.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("kind")).toList();
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(AdminApi.parse(answer.body()).getString("error")).contains(message);
    }
}
