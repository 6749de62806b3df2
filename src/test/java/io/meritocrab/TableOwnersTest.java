package io.meritocrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owner class through which all its SQL (and JPQL on its entity) goes: a statement that
 * names a table anywhere else fails here, and so does a table the migrations create without an owner.
 */
class TableOwnersTest {

    private static final Path SOURCES = Path.of("src/main/java/io/meritocrab");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db");

    /** Table → owner, relative to {@link #SOURCES}. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("delivery", "inbox/Deliveries.java"),
            Map.entry("enforcement_action", "outbox/GitHubOutbox.java"),
            Map.entry("github_reply", "outbox/GitHubOutbox.java"),
            Map.entry("model_request", "assessment/ModelRequests.java"),
            Map.entry("contributor", "ledger/ContributorRepository.java"),
            Map.entry("ledger_entry", "ledger/LedgerEntries.java"),
            Map.entry("evaluation", "evaluation/Evaluations.java"),
            Map.entry("repository", "repos/RepositoryDirectory.java"),
            Map.entry("installation", "repos/RepositoryDirectory.java"),
            Map.entry("repository_config", "repoconfig/RepositoryConfigStore.java"),
            Map.entry("model_call_count", "evaluation/llm/ModelCallBudget.java"),
            Map.entry("redelivery_request", "redelivery/RedeliveryLog.java"),
            Map.entry("periodic_job", "platform/PeriodicJobs.java"),
            Map.entry("replica", "platform/ReplicaIdentity.java"),
            Map.entry("gate_unlock", "unlock/GateUnlockStore.java"),
            Map.entry("sanction", "ledger/Sanctions.java"),
            Map.entry("appeal", "appeals/Appeals.java"),
            Map.entry("track_record", "history/TrackRecordCache.java"),
            Map.entry("history_request", "history/HistoryRequests.java"),
            Map.entry("shared_list_entry", "shared/SharedListStore.java"),
            Map.entry("shared_list_change", "shared/SharedListStore.java"),
            Map.entry("duplicate_check", "duplicates/DuplicateChecks.java"),
            Map.entry("pull_request_fingerprint", "duplicates/PullRequestFingerprints.java"));

    /** JPA entity → its table, for JPQL and EntityManager calls. */
    private static final Map<String, String> ENTITIES = Map.of(
            "Contributor", "contributor",
            "LedgerEntry", "ledger_entry",
            "Evaluation", "evaluation",
            "TrackedRepository", "repository",
            "Installation", "installation",
            "Appeal", "appeal",
            "SharedListEntry", "shared_list_entry",
            "SharedListChange", "shared_list_change");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyStatementOnATableIsInItsOwner() throws IOException {
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String code = Files.readString(file);
                String literals = literals(code);
                for (Map.Entry<String, String> owned : OWNERS.entrySet()) {
                    if (!relative.equals(owned.getValue()) && mentions(literals, owned.getKey())) {
                        strays.add(relative + " has SQL on " + owned.getKey());
                    }
                }
                for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
                    String owner = OWNERS.get(entity.getValue());
                    boolean queried = Pattern.compile("\\b(FROM|JOIN|UPDATE)\\s+" + entity.getKey() + "\\b")
                            .matcher(literals).find();
                    boolean found = code.contains("find(" + entity.getKey() + ".class");
                    if (!relative.equals(owner) && (queried || found)) {
                        strays.add(relative + " queries the entity " + entity.getKey());
                    }
                }
            }
        }
        assertThat(strays).isEmpty();
    }

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file);
                Matcher created = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)").matcher(sql);
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
                Matcher dropped = Pattern.compile("(?i)DROP TABLE (?:IF EXISTS )?(\\w+)").matcher(sql);
                while (dropped.find()) {
                    tables.remove(dropped.group(1).toLowerCase());
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    private static String literals(String code) {
        StringBuilder text = new StringBuilder();
        Matcher literal = STRING_LITERAL.matcher(code);
        while (literal.find()) {
            text.append(literal.group(1));
        }
        return text.toString();
    }

    private static boolean mentions(String sql, String table) {
        return Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b").matcher(sql).find();
    }
}
