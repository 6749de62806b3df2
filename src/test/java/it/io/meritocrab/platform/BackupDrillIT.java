package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.platform.ExternalCommand;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scripts/backup-drill.sh against the PostgreSQL the server under test writes to: pg_dump of the live
 * database, restore into a scratch database, the ledger invariant checked on the copy. A ledger the
 * server wrote passes; a copy whose ledger was tampered with fails, naming the contributor.
 */
class BackupDrillIT extends MeritocrabIT {

    private static final Duration TIME = Duration.ofMinutes(3);
    private static final Pattern KEPT = Pattern.compile("kept the scratch database (\\S+)");

    private final Repo repo = GitHubPayloads.newRepo("drill");
    private final User carol = User.human("carol-" + GitHubPayloads.uniqueId());
    private final List<String> keptDatabases = new ArrayList<>();

    @BeforeEach
    void ledgerWrittenByTheServer() {
        ExternalCommand.requireTool("pg_dump", "apt-get install postgresql-client");
        deliver("issue_comment", GitHubPayloads.issueComment(repo, carol, 1, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, carol, 2, "thanks!"));
        assertThat(contributor().getJsonArray("entries")).hasSize(2);
    }

    @AfterEach
    void dropKeptScratchDatabases() throws Exception {
        try (Connection connection = ItEnvironment.database().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : keptDatabases) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void aDumpOfTheLiveDatabaseRestoresWithItsLedgerInvariantIntact() throws Exception {
        Path dump = Files.createTempFile("meritocrab-drill-", ".dump");
        try {
            ExternalCommand drill = drill("--dump", dump.toString(), ItEnvironment.libpqUrl());

            assertThat(drill.exitCode()).as(drill.output()).isZero();
            assertThat(drill.output()).contains("dumped to " + dump, "restored into meritocrab_drill_",
                    "the ledger invariant holds");
            assertThat(Files.size(dump)).isPositive();
            assertThat(ExternalCommand.run(List.of("pg_restore", "--list", dump.toString()), TIME).output())
                    .contains("TABLE DATA public ledger_entry");
            assertThat(scratchDatabases()).as("the scratch database is dropped").isEmpty();
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    @Test
    void aRestoredCopyWithABrokenLedgerFailsTheDrillNamingTheContributor() throws Exception {
        JsonObject written = contributor();
        JsonObject second = written.getJsonArray("entries").getJsonObject(0);
        JsonObject first = written.getJsonArray("entries").getJsonObject(1);
        String kept = keptScratch(drill("--keep", ItEnvironment.libpqUrl()));
        String keptUrl = "jdbc:postgresql://" + ItEnvironment.libpqUrl().replaceFirst("^postgresql://[^@]*@", "")
                .replaceFirst("/postgres$", "/" + kept);
        try (Connection copy = DriverManager.getConnection(keptUrl, "postgres", "postgres");
                Statement statement = copy.createStatement()) {
            statement.execute("ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_arithmetic");
            int changed = statement.executeUpdate("UPDATE ledger_entry SET credit_before = credit_before + 7, "
                    + "credit_after = credit_after + 7 WHERE seq = 2 AND contributor_id = "
                    + "(SELECT c.id FROM contributor c WHERE c.login = '" + carol.login() + "')");
            assertThat(changed).isEqualTo(1);
        }

        ExternalCommand drill = drill("--keep", ItEnvironment.libpqUrl().replaceFirst("/postgres$", "/" + kept));
        keptScratch(drill);

        assertThat(drill.exitCode()).as(drill.output()).isEqualTo(1);
        assertThat(drill.output()).contains(
                "(" + carol.login() + ") entry 2: starts at " + (second.getInt("creditBefore") + 7)
                        + " but the previous entry ended at " + first.getInt("creditAfter"),
                "(" + carol.login() + "): credit " + written.getInt("credit") + " is not the last entry's credit_after "
                        + (second.getInt("creditAfter") + 7),
                "drill FAILED");
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsTheDrill() {
        ExternalCommand drill = drill("postgresql://postgres@127.0.0.1:1/postgres");

        assertThat(drill.exitCode()).isEqualTo(1);
        assertThat(drill.output()).contains("drill FAILED").doesNotContain("drill passed");
    }

    private JsonObject contributor() {
        return api.json(repo.apiPath() + "/contributors/" + carol.login());
    }

    private ExternalCommand drill(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/backup-drill.sh"));
        command.addAll(List.of(arguments));
        return ExternalCommand.run(command, TIME);
    }

    private String keptScratch(ExternalCommand drill) {
        Matcher kept = KEPT.matcher(drill.output());
        assertThat(kept.find()).as(drill.output()).isTrue();
        keptDatabases.add(kept.group(1));
        return kept.group(1);
    }

    private static List<String> scratchDatabases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = ItEnvironment.database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'meritocrab_drill_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
