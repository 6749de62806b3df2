package it.io.meritocrab.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.LibertyServer;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server killed with kill -9 under load (no graceful stop: its leases are not handed back, its
 * transactions die with its connections) loses nothing it answered 2xx, applies each such delivery once,
 * and takes back its own leases as soon as it is up again instead of waiting for them to run out; a
 * lease held by another replica is left alone. The test kills and starts the Liberty server itself
 * (Arquillian's managed container cannot follow a restart), in a failsafe run of its own.
 */
class ServerRestartIT {

    private static final LibertyServer SERVER = new LibertyServer(System.getProperty("meritocrab.it.server"));
    private static final int HTTP_PORT = Integer.parseInt(System.getProperty("meritocrab.it.http.port"));
    private static final Path DROPINS_WAR = SERVER.directory().resolve("dropins/meritocrab.war");
    private static final Path SERVER_ENV = SERVER.directory().resolve("server.env");
    private static final String REPLICA_ID = "restart-it";
    /** Far longer than the test waits: a delivery is applied in time only if its lease is taken back. */
    private static final Duration DELIVERY_LEASE = Duration.ofMinutes(10);
    /** Long enough for the server to be killed and started again between a shadow close's decision and its timer. */
    private static final int SHADOW_DELAY_SECONDS = 25;
    /** Shorter than the shadow-close delay, so that the step ends after the kill and before the restart. */
    private static final int SANCTION_STEP_SECONDS = 15;

    private final URL base = url("http://localhost:" + HTTP_PORT + "/meritocrab/");

    private static String originalEnv;

    @BeforeAll
    static void startServerWithTheApplication() throws Exception {
        originalEnv = Files.readString(SERVER_ENV);
        SERVER.writeServerEnv(originalEnv
                .replaceAll("MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=\\d+", "MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=" + SHADOW_DELAY_SECONDS)
                .replaceAll("MERITOCRAB_SHADOW_CLOSE_MAX_DELAY=\\d+", "MERITOCRAB_SHADOW_CLOSE_MAX_DELAY=" + SHADOW_DELAY_SECONDS)
                + "\nMERITOCRAB_REPLICA_ID=" + REPLICA_ID + "\n"
                + "MERITOCRAB_DELIVERY_LEASE=" + DELIVERY_LEASE + "\n"
                // Workers keep leasing whole batches while the load runs, so the kill finds leases in hand.
                + "MERITOCRAB_DELIVERY_YIELD_TO_INTAKE_ABOVE=1000000\n");
        Files.createDirectories(DROPINS_WAR.getParent());
        Files.copy(Path.of(System.getProperty("meritocrab.it.war")), DROPINS_WAR, StandardCopyOption.REPLACE_EXISTING);
        SERVER.start();
        LibertyServer.awaitReady(HTTP_PORT);
    }

    @AfterAll
    static void stopServer() throws Exception {
        try {
            SERVER.stop();
        } finally {
            Files.deleteIfExists(DROPINS_WAR);
            SERVER.writeServerEnv(originalEnv);
        }
    }

    @Test
    void deliveriesAnswered2xxBeforeAKillAreAppliedOnceAndTheLeasesAreTakenBackAtRestart() throws Exception {
        GitHubWebhooks github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
        Repo repo = GitHubPayloads.newRepo("killed");
        User reviewer = User.human("reviewer");
        User author = User.human("author");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            loops.add(pool.submit(() -> {
                while (sending.get()) {
                    String id = GitHubWebhooks.newDeliveryId();
                    try {
                        int status = github.send("pull_request_review", id,
                                GitHubPayloads.reviewSubmitted(repo, reviewer, author, number.incrementAndGet())).statusCode();
                        if (status == 202) {
                            accepted.add(id);
                        }
                    } catch (UncheckedIOException refusedOrReset) {
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        // Under load for a while, and until enough deliveries were answered (a fresh server's first answers
        // on a busy machine are slow).
        Thread.sleep(3_000);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> accepted.size() >= 40);
        SERVER.kill();
        Instant killedAt = Instant.now();
        Thread.sleep(500);
        sending.set(false);
        for (Future<?> loop : loops) {
            loop.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int leasedByTheKilledRun = Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ? AND status = 'PENDING' "
                + "AND lease_holder LIKE ? AND next_attempt_at > now()", repo.id(), REPLICA_ID + "/%");
        // Whether the kill finds a batch in hand depends on timing (a fast apply can finish every batch first),
        // so one delivery is also left exactly as a killed run leaves it: leased for ten minutes by a holder
        // of this replica that no longer runs.
        String leftLeased = GitHubWebhooks.newDeliveryId();
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, repository_id, repository_name, payload, "
                + "payload_size, received_at, status, attempts, next_attempt_at, lease_holder) VALUES (?, "
                + "'pull_request_review', 'submitted', ?, ?, ?, 0, now(), 'PENDING', 1, ?, ?)", leftLeased,
                repo.id(), repo.fullName(), GitHubPayloads.reviewSubmitted(repo, reviewer, author, number.incrementAndGet())
                        .getBytes(), Timestamp.from(Instant.now().plus(DELIVERY_LEASE)), REPLICA_ID + "/" + UUID.randomUUID());
        // Another replica's live lease, whose id starts like this one's: it must be left alone.
        String othersDelivery = GitHubWebhooks.newDeliveryId();
        Instant othersLeaseEnds = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        Inbox.execute("INSERT INTO delivery (delivery_id, event, action, repository_id, repository_name, payload, "
                + "payload_size, received_at, status, attempts, next_attempt_at, lease_holder) VALUES (?, "
                + "'pull_request_review', 'submitted', ?, ?, ?, 0, now(), 'PENDING', 1, ?, ?)", othersDelivery,
                repo.id() + 1, repo.fullName() + "-other", GitHubPayloads.reviewSubmitted(repo, reviewer, author, 0).getBytes(),
                Timestamp.from(othersLeaseEnds), REPLICA_ID + "-other/" + UUID.randomUUID());

        SERVER.start();
        LibertyServer.awaitReady(HTTP_PORT);
        Instant readyAt = Instant.now();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ? AND status = 'PENDING'", repo.id()) == 0);
        Instant drainedAt = Instant.now();
        System.out.printf("ServerRestartIT: %d deliveries answered 202, %d leased by the killed run; ready %d s after "
                        + "the kill; all applied %d s after ready, %d s after the kill%n", accepted.size(),
                leasedByTheKilledRun, Duration.between(killedAt, readyAt).toSeconds(),
                Duration.between(readyAt, drainedAt).toSeconds(), Duration.between(killedAt, drainedAt).toSeconds());

        assertThat(accepted).as("deliveries answered 202 before the kill").hasSizeGreaterThanOrEqualTo(40);
        assertThat(Inbox.row("SELECT status FROM delivery WHERE delivery_id = ?", leftLeased).get("status"))
                .as("the delivery a dead run of this replica had leased for ten minutes").isEqualTo("PROCESSED");
        for (String id : accepted) {
            assertThat(Inbox.row("SELECT status FROM delivery WHERE delivery_id = ?", id).get("status"))
                    .as("delivery %s, answered 202 before the kill", id).isEqualTo("PROCESSED");
        }
        Map<String, Object> ledger = Inbox.row("SELECT COUNT(*) AS entries, COUNT(DISTINCT e.delivery_id) AS deliveries, "
                + "MAX(e.seq) AS last_seq, MAX(c.credit) AS credit FROM ledger_entry e JOIN contributor c "
                + "ON c.id = e.contributor_id WHERE c.repository_id = ? AND c.login = ?", repo.id(), reviewer.login());
        int processed = Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ? AND status = 'PROCESSED'", repo.id());
        // Deliveries cut off by the kill may have been stored without their answer arriving: they are applied too.
        assertThat(processed).isGreaterThanOrEqualTo(accepted.size());
        assertThat(((Number) ledger.get("entries")).intValue()).as("one entry per processed delivery").isEqualTo(processed);
        assertThat(((Number) ledger.get("deliveries")).intValue()).isEqualTo(processed);
        assertThat(((Number) ledger.get("last_seq")).intValue()).isEqualTo(processed);
        assertThat(((Number) ledger.get("credit")).intValue()).isEqualTo(100 + 5 * processed);
        assertThat(Duration.between(readyAt, drainedAt)).as("applied long before the killed run's leases ran out")
                .isLessThan(Duration.ofSeconds(60));

        Map<String, Object> others = Inbox.row("SELECT status, next_attempt_at, lease_holder FROM delivery WHERE delivery_id = ?",
                othersDelivery);
        assertThat(others.get("status")).as("another replica's leased delivery").isEqualTo("PENDING");
        assertThat(((Timestamp) others.get("next_attempt_at")).toInstant()).isEqualTo(othersLeaseEnds);
        assertThat((String) others.get("lease_holder")).startsWith(REPLICA_ID + "-other/");
        Inbox.execute("DELETE FROM delivery WHERE delivery_id = ?", othersDelivery);
    }

    @Test
    void shadowCloseScheduledBeforeAKillIsCarriedOutOnceAfterTheRestart() throws Exception {
        GitHubWebhooks github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
        // A temporary sanction step that ends while no server runs: the restarted server ends it, once.
        Repo sanctioned = GitHubPayloads.newRepo("restart-sanction");
        User offender = User.human("offender");
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + sanctioned.fullName()
                + "/contents/.meritocrab.toml")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody("[sanctions]\nsteps = [\"" + SANCTION_STEP_SECONDS + "s\", \"permanent\"]\n")));
        for (int number = 1; number <= 4; number++) {
            String deliveryId = GitHubWebhooks.newDeliveryId();
            assertThat(github.send("pull_request", deliveryId, GitHubPayloads.pullRequestOpened(sanctioned, offender,
                    number, "Best deals", Enforcement.SPAM_PR_BODY, 3, 0, 1)).statusCode()).isEqualTo(202);
            Inbox.awaitProcessed(deliveryId);
        }
        Instant sanctionEnds = ((Timestamp) sanction(sanctioned).get("ends_at")).toInstant();
        assertThat(sanction(sanctioned)).containsEntry("status", "ACTIVE");

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
        assertThat(Enforcement.writesAbout(repo, 5)).as("nothing done on GitHub before the kill").isEmpty();

        SERVER.kill();
        assertThat(Instant.now()).as("killed before the action was due").isBefore(due);
        assertThat(Instant.now()).as("killed before the sanction step ended").isBefore(sanctionEnds);
        assertThat(sanctionEnds).as("the step ends while no server runs").isBefore(due);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2_000);
        assertThat(Enforcement.writesAbout(repo, 5)).as("nothing happens while no server runs").isEmpty();
        SERVER.start();
        LibertyServer.awaitReady(HTTP_PORT);
        Instant restarted = Instant.now();

        // The outbox owns the due time: the restarted server takes the overdue action at once, without
        // waiting for Liberty's timer failover or for a timer at all.
        Map<String, Object> action = Enforcement.awaitAction(repo, 5, Duration.ofSeconds(300));
        assertThat(action).containsEntry("status", "DONE");
        assertThat(((Timestamp) action.get("completed_at")).toInstant()).as("carried out soon after the restart")
                .isBefore(restarted.plusSeconds(60));
        assertThat(Enforcement.writesAbout(repo, 5)).containsExactly(
                "POST /repos/" + repo.fullName() + "/issues/5/comments",
                "PATCH /repos/" + repo.fullName() + "/pulls/5");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "ENDED".equals(sanction(sanctioned).get("status")));
        assertThat(Inbox.rows("SELECT e.kind, e.credit_after FROM ledger_entry e JOIN contributor c ON c.id = "
                + "e.contributor_id WHERE c.repository_id = ? AND e.kind IN ('SANCTION_ENDED', 'UNBLACKLISTED')",
                sanctioned.id())).as("one end of the step, whichever way it is counted")
                .extracting(row -> String.valueOf(row.get("kind"))).containsExactlyInAnyOrder("SANCTION_ENDED",
                        "UNBLACKLISTED");
        assertThat(Inbox.row("SELECT credit, blacklisted FROM contributor WHERE repository_id = ?", sanctioned.id()))
                .containsEntry("credit", 50).containsEntry("blacklisted", false);
    }

    private static Map<String, Object> sanction(Repo repo) {
        return Inbox.row("SELECT s.status, s.ends_at FROM sanction s JOIN contributor c ON c.id = s.contributor_id "
                + "WHERE c.repository_id = ?", repo.id());
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
