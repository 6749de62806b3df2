package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
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
import java.util.ArrayList;
import java.util.List;
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

    @BeforeAll
    static void startServerWithTheApplication() throws Exception {
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

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
