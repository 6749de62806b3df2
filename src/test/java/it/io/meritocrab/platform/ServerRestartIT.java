package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries accepted but not processed when the server stops are processed after it starts again.
 * The test stops and starts the Liberty server itself (Arquillian's managed container cannot follow a
 * restart), in a failsafe run of its own.
 */
class ServerRestartIT {

    private static final int DELIVERIES = 100;
    private static final LibertyServer SERVER = new LibertyServer(System.getProperty("meritocrab.it.server"));
    private static final Path DROPINS_WAR = SERVER.directory().resolve("dropins/meritocrab.war");

    private final URL base = url("http://localhost:" + System.getProperty("meritocrab.it.http.port") + "/meritocrab/");

    /** Long enough for the server to stop and start again between a shadow close's decision and its timer. */
    private static final int SHADOW_DELAY_SECONDS = 25;

    @BeforeAll
    static void startServerWithTheApplication() throws Exception {
        Path serverEnv = SERVER.directory().resolve("server.env");
        SERVER.writeServerEnv(Files.readString(serverEnv)
                .replaceAll("MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=\\d+", "MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=" + SHADOW_DELAY_SECONDS)
                .replaceAll("MERITOCRAB_SHADOW_CLOSE_MAX_DELAY=\\d+", "MERITOCRAB_SHADOW_CLOSE_MAX_DELAY=" + SHADOW_DELAY_SECONDS));
        Files.createDirectories(DROPINS_WAR.getParent());
        Files.copy(Path.of(System.getProperty("meritocrab.it.war")), DROPINS_WAR, StandardCopyOption.REPLACE_EXISTING);
        SERVER.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        SERVER.stop();
        Files.deleteIfExists(DROPINS_WAR);
    }

    @Test
    void deliveriesLeftUnprocessedAtShutdownAreAppliedAfterRestart() throws Exception {
        GitHubWebhooks github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
        AdminApi api = new AdminApi(base, ItEnvironment.ADMIN_TOKEN);
        Repo repo = GitHubPayloads.newRepo("restart");
        User reviewer = User.human("reviewer");
        User author = User.human("author");
        List<String> deliveryIds = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            String deliveryId = GitHubWebhooks.newDeliveryId();
            assertThat(github.send("pull_request_review", deliveryId,
                    GitHubPayloads.reviewSubmitted(repo, reviewer, author, i)).statusCode()).isEqualTo(202);
            deliveryIds.add(deliveryId);
        }

        SERVER.stop();
        // Accepted just before the stop and never seen by a worker, as a crash between commit and
        // processing would leave it.
        assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE delivery_id = ?", deliveryIds.get(0))).isOne();
        String lastAccepted = GitHubWebhooks.newDeliveryId();
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, repository_id, repository_name, payload, "
                + "payload_size, received_at, status, attempts, next_attempt_at) VALUES (?, 'pull_request_review', "
                + "'submitted', ?, ?, ?, 0, now(), 'PENDING', 0, now())", lastAccepted, repo.id(), repo.fullName(),
                GitHubPayloads.reviewSubmitted(repo, reviewer, author, DELIVERIES).getBytes());
        deliveryIds.add(lastAccepted);
        int pendingAtRestart = Inbox.count("SELECT COUNT(*) FROM delivery WHERE status = 'PENDING'");
        SERVER.start();

        deliveryIds.forEach(Inbox::awaitProcessed);
        JsonObject contributor = api.json(repo.apiPath() + "/contributors/" + reviewer.login() + "?limit=500");
        assertThat(pendingAtRestart).isPositive();
        assertThat(contributor.getJsonArray("entries")).hasSize(DELIVERIES + 1);
        assertThat(contributor.getInt("credit")).isEqualTo(100 + 5 * (DELIVERIES + 1));
        Ledgers.assertConsistent(contributor, 100);
    }

    @Test
    void shadowCloseScheduledBeforeARestartFiresOnceAfterIt() throws Exception {
        GitHubWebhooks github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
        Repo repo = GitHubPayloads.newRepo("restart-shadow");
        User author = User.human("blacklisted");
        for (int number = 1; number <= 5; number++) {
            String deliveryId = GitHubWebhooks.newDeliveryId();
            assertThat(github.send("pull_request", deliveryId, GitHubPayloads.pullRequestOpened(repo, author, number,
                    "Best deals", Enforcement.SPAM_PR_BODY, 3, 0, 1)).statusCode()).isEqualTo(202);
            Inbox.awaitProcessed(deliveryId);
        }
        assertThat(Enforcement.action(repo, 5)).containsEntry("decision", "SHADOW_CLOSE")
                .containsEntry("status", "PENDING");
        Instant due = ((Timestamp) Enforcement.action(repo, 5).get("due_at")).toInstant();

        SERVER.stop();
        assertThat(Instant.now()).as("stopped before the timer was due").isBefore(due);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2_000);
        assertThat(Enforcement.writesAbout(repo, 5)).as("nothing happens while the server is down").isEmpty();
        SERVER.start();
        Instant restarted = Instant.now();

        // The outbox owns the due time: the restarted server takes the overdue action at once, without
        // waiting for Liberty's timer failover (100 s here) or for a timer at all (Payara loses them).
        Map<String, Object> action = Enforcement.awaitAction(repo, 5, Duration.ofSeconds(300));
        assertThat(action).containsEntry("status", "DONE");
        assertThat(((Timestamp) action.get("completed_at")).toInstant()).as("carried out soon after the restart")
                .isBefore(restarted.plusSeconds(60));
        assertThat(Enforcement.writesAbout(repo, 5)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/5/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/5");
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
