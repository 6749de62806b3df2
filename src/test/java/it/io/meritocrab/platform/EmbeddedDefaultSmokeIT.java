package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.LibertyServer;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server as `mvn liberty:run` starts it, with nothing configured: the production server.xml and
 * WAR, embedded database, rules evaluator, generated secrets in the file the README points to. Only
 * the port differs, so that it does not clash with a developer's server, and the shadow-close delay
 * (3-6 s), so that a shadow close is seen through in seconds.
 */
class EmbeddedDefaultSmokeIT {

    private static final LibertyServer SMOKE = new LibertyServer("meritocrab-smoke");
    private static final Path SERVER = SMOKE.directory();

    @BeforeAll
    static void startEmbeddedDefault() throws Exception {
        int port = Integer.parseInt(System.getProperty("meritocrab.smoke.http.port"));
        SMOKE.writeServerEnv("MERITOCRAB_HTTP_PORT=" + port + "\nMERITOCRAB_HTTPS_PORT=" + (port + 363) + "\n"
                + "MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=3\nMERITOCRAB_SHADOW_CLOSE_MAX_DELAY=6\n");
        SMOKE.start();
    }

    @AfterAll
    static void stopEmbeddedDefault() throws Exception {
        SMOKE.stop();
    }

    @Test
    void embeddedDefaultTakesAWebhookAndShowsItsLedger() throws Exception {
        URL base = new URL("http://localhost:" + System.getProperty("meritocrab.smoke.http.port") + "/");
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(SERVER.resolve("data/local-secrets.properties"))) {
            secrets.load(in);
        }
        GitHubWebhooks github = new GitHubWebhooks(base, secrets.getProperty("webhook-secret"));
        AdminApi api = new AdminApi(base, secrets.getProperty("admin-token"));
        Repo repo = GitHubPayloads.newRepo("smoke");
        User newcomer = User.human("newcomer");

        assertThat(api.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(github.send("issue_comment", GitHubPayloads.issueComment(repo, newcomer, 1, "+1")).statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(repo.apiPath() + "/contributors/newcomer").body()).contains("\"credit\":98"));
        assertThat(Files.list(SERVER.resolve("data")).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("meritocrab") && name.endsWith(".db"));
        String log = Files.readString(SERVER.resolve("logs/messages.log"));
        assertThat(log).doesNotContain(secrets.getProperty("webhook-secret")).doesNotContain(secrets.getProperty("admin-token"));
    }

    /** The timer of a shadow close is created in the delivery's transaction: on H2 too, and it fires. */
    @Test
    void embeddedDefaultSchedulesAndFiresAShadowClose() throws Exception {
        URL base = new URL("http://localhost:" + System.getProperty("meritocrab.smoke.http.port") + "/");
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(SERVER.resolve("data/local-secrets.properties"))) {
            secrets.load(in);
        }
        GitHubWebhooks github = new GitHubWebhooks(base, secrets.getProperty("webhook-secret"));
        AdminApi api = new AdminApi(base, secrets.getProperty("admin-token"));
        Repo repo = GitHubPayloads.newRepo("smoke-shadow");
        User author = User.human("shadowed");
        assertThat(github.send("issue_comment", GitHubPayloads.issueComment(repo, author, 1, "+1")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(repo.apiPath() + "/contributors/shadowed").statusCode()).isEqualTo(200));
        assertThat(api.post(repo.apiPath() + "/contributors/shadowed/blacklist", "{\"blacklisted\":true}").statusCode())
                .isEqualTo(200);
        String deliveryId = GitHubWebhooks.newDeliveryId();

        assertThat(github.send("pull_request", deliveryId, GitHubPayloads.pullRequestOpened(repo, author, 2,
                "Fix typo", "Small fix.", 1, 1, 1)).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get("/api/deliveries?status=processed&limit=500").body()).contains(deliveryId));
        String log = Files.readString(SERVER.resolve("logs/messages.log"));
        Matcher decided = Pattern.compile("delivery=" + deliveryId + " enforcement=SHADOW_CLOSE action=(\\d+)")
                .matcher(log);
        assertThat(decided.find()).as("shadow close decided").isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                Files.readString(SERVER.resolve("logs/messages.log"))).contains("shadow close " + decided.group(1)
                + ": timer fired"));
        assertThat(api.get("/api/deliveries?status=failed").body()).doesNotContain(deliveryId);
    }
}
