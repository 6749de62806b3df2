package it.io.meritocrab.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.Enforcement;
import it.io.meritocrab.support.ExtraServer;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubStub;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.LibertyServer;
import it.io.meritocrab.support.LogFiles;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two servers on one PostgreSQL, GitHub sending to both (as a load balancer would spread it): every
 * delivery is processed by exactly one of them, once, and every shadow close fires once (counted in
 * what GitHub, WireMock here, received). Then one replica is killed with kill -9 while deliveries pour
 * in and while it holds shadow-close timers: nothing it had answered 2xx is lost or applied twice (the
 * other takes its deliveries when their leases run out), and the other carries out each of its shadow
 * closes once when due (the outbox owns the due time; the timer only wakes a server).
 * Runs in the restart-tests execution: it starts and kills its servers itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasRestartIT {

    private static final LibertyServer FIRST = new LibertyServer(System.getProperty("meritocrab.it.server"));
    private static final Path FIRST_WAR = FIRST.directory().resolve("dropins/meritocrab.war");
    private static final Path FIRST_ENV = FIRST.directory().resolve("server.env");
    private static final Pattern PROCESSED = Pattern.compile("delivery=(\\S+) \\S+ attempt=\\d+ outcome=processed");
    /** Shadow closes wait this long, so that a replica can be killed while it holds their timers. */
    private static final int SHADOW_DELAY_SECONDS = 45;

    private static ExtraServer second;
    private static String firstEnv;
    /** A killed replica is not stopped again; every other one is, even when starting them failed. */
    private static boolean firstKilled;
    private static boolean secondKilled;
    private static List<GitHubWebhooks> senders;
    private static AdminApi api;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        firstEnv = Files.readString(FIRST_ENV);
        // Short leases, so that a delivery leased by a stopped replica would come round again within the test.
        Files.writeString(FIRST_ENV, firstEnv
                .replaceAll("MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=\\d+", "MERITOCRAB_SHADOW_CLOSE_MIN_DELAY=" + SHADOW_DELAY_SECONDS)
                .replaceAll("MERITOCRAB_SHADOW_CLOSE_MAX_DELAY=\\d+", "MERITOCRAB_SHADOW_CLOSE_MAX_DELAY=" + SHADOW_DELAY_SECONDS)
                + "MERITOCRAB_DELIVERY_LEASE=PT20S\nMERITOCRAB_REPLICA_ID=replica-a\n");
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FIRST_ENV)) {
            String[] pair = line.split("=", 2);
            if (pair.length == 2 && !pair[0].endsWith("_PORT")) {
                env.put(pair[0], pair[1]);
            }
        }
        env.put("MERITOCRAB_REPLICA_ID", "replica-b");
        second = ExtraServer.create("meritocrab-replica", 1, env);
        // The log lines counted below must come from this test's run only; earlier runs' logs are kept aside.
        LogFiles.moveAside(FIRST.directory().resolve("logs"));
        Files.createDirectories(FIRST_WAR.getParent());
        Files.copy(Path.of(System.getProperty("meritocrab.it.war")), FIRST_WAR, StandardCopyOption.REPLACE_EXISTING);
        ExecutorService starter = Executors.newFixedThreadPool(2);
        Future<?> first = starter.submit(() -> {
            FIRST.start();
            LibertyServer.awaitReady(Integer.parseInt(System.getProperty("meritocrab.it.http.port")));
            return null;
        });
        Future<?> other = starter.submit(() -> {
            second.startAndAwaitReady();
            return null;
        });
        // Two servers starting at once on the shared machine: ten minutes at most.
        first.get(600, TimeUnit.SECONDS);
        other.get(600, TimeUnit.SECONDS);
        starter.shutdown();
        URL firstUrl = new URL("http://localhost:" + System.getProperty("meritocrab.it.http.port") + "/meritocrab/");
        senders = List.of(new GitHubWebhooks(firstUrl, ItEnvironment.WEBHOOK_SECRET),
                new GitHubWebhooks(new URL(second.appUrl()), ItEnvironment.WEBHOOK_SECRET));
        api = new AdminApi(firstUrl, ItEnvironment.ADMIN_TOKEN);
    }

    @AfterAll
    static void stopReplicas() throws Exception {
        try {
            if (!secondKilled) {
                second.stop();
            }
        } finally {
            stopFirstAndRestoreItsFiles();
        }
    }

    private static void stopFirstAndRestoreItsFiles() throws Exception {
        try {
            if (!firstKilled) {
                FIRST.stop();
            }
        } finally {
            Files.deleteIfExists(FIRST_WAR);
            Files.writeString(FIRST_ENV, firstEnv);
        }
    }

    @Test
    @Order(1)
    void deliveriesSentToBothReplicasAreEachProcessedOnceAndEveryShadowCloseFiresOnce() throws Exception {
        Repo repo = GitHubPayloads.newRepo("replicas");
        List<User> reviewers = List.of(User.human("r0"), User.human("r1"), User.human("r2"), User.human("r3"));
        User author = User.human("author");
        int deliveries = 300;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            ids.add(GitHubWebhooks.newDeliveryId());
        }
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            int n = i;
            sent.add(pool.submit(() -> {
                String payload = GitHubPayloads.reviewSubmitted(repo, reviewers.get(n % 4), author, n);
                int status = senders.get(n % 2).send("pull_request_review", ids.get(n), payload).statusCode();
                if (status == 202) {
                    accepted.incrementAndGet();
                }
                if (n % 5 == 0) {
                    // GitHub redelivers it, and the balancer sends it to the other replica.
                    int again = senders.get((n + 1) % 2).send("pull_request_review", ids.get(n), payload).statusCode();
                    assertThat(again).isIn(200, 202);
                    if (again == 202) {
                        accepted.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<ShadowClose> shadowCloses = blacklistAndOpenPullRequests(repo, List.of(User.human("s0"), User.human("s1"),
                User.human("s2")));

        awaitAllProcessed(repo, deliveries + 3 * 6);
        assertThat(accepted.get()).as("one 202 per delivery id, whichever replica got it").isEqualTo(deliveries);
        for (int r = 0; r < reviewers.size(); r++) {
            JsonObject contributor = api.json(repo.apiPath() + "/contributors/" + reviewers.get(r).login() + "?limit=500");
            assertThat(contributor.getJsonArray("entries")).hasSize(deliveries / 4);
            assertThat(contributor.getInt("credit")).isEqualTo(100 + 5 * deliveries / 4);
            Ledgers.assertConsistent(contributor, 100);
        }
        Map<String, Integer> processedBy0 = processedLines(FIRST.directory());
        Map<String, Integer> processedBy1 = processedLines(second.directory());
        for (String id : ids) {
            assertThat(processedBy0.getOrDefault(id, 0) + processedBy1.getOrDefault(id, 0))
                    .as("processed-lines of %s", id).isEqualTo(1);
        }
        assertThat(ids).anyMatch(processedBy0::containsKey).anyMatch(processedBy1::containsKey);

        assertShadowClosedOnce(repo, shadowCloses, Duration.ofSeconds(SHADOW_DELAY_SECONDS + 60));
    }

    @Test
    @Order(3)
    void aReplicaKilledUnderLoadWhileHoldingShadowCloseTimersLosesNothingAndTheOtherFiresEachOnce() throws Exception {
        Repo repo = GitHubPayloads.newRepo("killed-replica");
        List<ShadowClose> shadowCloses = blacklistAndOpenPullRequests(repo, List.of(User.human("k0"), User.human("k1"),
                User.human("k2")));
        // A shadow close's timer is created by the replica that processed the pull request's delivery.
        Map<String, Integer> processedByFirst = processedLines(FIRST.directory());
        Map<String, Integer> processedBySecond = processedLines(second.directory());
        long timersOfFirst = shadowCloses.stream().filter(pr -> processedByFirst.containsKey(pr.deliveryId())).count();
        long timersOfSecond = shadowCloses.stream().filter(pr -> processedBySecond.containsKey(pr.deliveryId())).count();
        assertThat(timersOfFirst + timersOfSecond).as("shadow closes decided by one replica or the other")
                .isEqualTo(shadowCloses.size());
        // The replica holding timers is killed (the second if both do); the other must take them over.
        boolean killSecond = timersOfSecond > 0;
        System.out.printf("ReplicasRestartIT: shadow-close timers on the first replica %d, on the second %d; killing the %s%n",
                timersOfFirst, timersOfSecond, killSecond ? "second" : "first");
        GitHubWebhooks toVictim = senders.get(killSecond ? 1 : 0);
        GitHubWebhooks toSurvivor = senders.get(killSecond ? 0 : 1);
        AdminApi survivorApi = new AdminApi(new URL(toSurvivor.endpoint().toString().replace("webhooks/github", "")),
                ItEnvironment.ADMIN_TOKEN);

        User reviewer = User.human("steady");
        User author = User.human("author");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            loops.add(pool.submit(() -> {
                while (sending.get()) {
                    int n = number.incrementAndGet();
                    String id = GitHubWebhooks.newDeliveryId();
                    String payload = GitHubPayloads.reviewSubmitted(repo, reviewer, author, n);
                    // To the replica being killed while it answers; otherwise redelivered to the other.
                    if (n % 2 == 1 && answered(toVictim, id, payload)) {
                        accepted.add(id);
                    } else if (answered(toSurvivor, id, payload)) {
                        accepted.add(id);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        int acceptedBeforeKill = accepted.size();
        if (killSecond) {
            secondKilled = true;
            second.kill();
        } else {
            firstKilled = true;
            FIRST.kill();
        }
        Thread.sleep(1000);
        sending.set(false);
        for (Future<?> loop : loops) {
            loop.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(acceptedBeforeKill).isPositive();
        assertThat(answered(toVictim, GitHubWebhooks.newDeliveryId(), GitHubPayloads.reviewSubmitted(repo, reviewer, author, 0)))
                .as("the killed replica answers nothing").isFalse();
        for (ShadowClose pr : shadowCloses) {
            assertThat(Enforcement.action(repo, pr.number())).as("shadow close of #%s at the kill", pr.number())
                    .containsEntry("status", "PENDING");
            assertThat(Enforcement.writesAbout(repo, pr.number())).as("nothing done on GitHub yet").isEmpty();
        }

        awaitAllProcessed(repo, 3 * 6 + accepted.size(), Duration.ofSeconds(120));
        // More entries than the API shows on one page: the ledger is checked in the database.
        Map<String, Object> ledger = Inbox.row("SELECT COUNT(*) AS entries, COUNT(DISTINCT e.delivery_id) AS deliveries, "
                + "MAX(e.seq) AS last_seq, MAX(c.credit) AS credit FROM ledger_entry e JOIN contributor c "
                + "ON c.id = e.contributor_id WHERE c.repository_id = ? AND c.login = ?", repo.id(), reviewer.login());
        assertThat(((Number) ledger.get("entries")).intValue()).isEqualTo(accepted.size());
        assertThat(((Number) ledger.get("deliveries")).intValue()).isEqualTo(accepted.size());
        assertThat(((Number) ledger.get("last_seq")).intValue()).isEqualTo(accepted.size());
        assertThat(((Number) ledger.get("credit")).intValue()).isEqualTo(100 + 5 * accepted.size());
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry a JOIN ledger_entry b ON b.contributor_id = "
                + "a.contributor_id AND b.seq = a.seq + 1 JOIN contributor c ON c.id = a.contributor_id "
                + "WHERE c.repository_id = ? AND b.credit_before <> a.credit_after", repo.id()))
                .as("entries that do not start where the previous ended").isZero();
        for (String id : accepted) {
            assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry WHERE delivery_id = ?", id))
                    .as("ledger entries of delivery %s, answered 2xx", id).isOne();
        }
        assertThat(survivorApi.json(repo.apiPath() + "/contributors/" + reviewer.login() + "?limit=1").getInt("credit"))
                .isEqualTo(100 + 5 * accepted.size());

        // The other replica's outbox worker takes each action once it is due, without the killed one's timer.
        assertShadowClosedOnce(repo, shadowCloses, Duration.ofSeconds(SHADOW_DELAY_SECONDS + 120));
    }

    @Test
    @Order(4)
    void noSecretReachesEitherReplicasLogs() throws Exception {
        String keyBody = ItEnvironment.github().privateKeyPkcs8Pem().lines().skip(1).findFirst().orElseThrow();
        for (Path server : List.of(FIRST.directory(), second.directory())) {
            assertThat(LogFiles.readAll(server.resolve("logs"))).as(server.toString())
                    .contains("outcome=processed")
                    .doesNotContain(ItEnvironment.WEBHOOK_SECRET, ItEnvironment.ADMIN_TOKEN, keyBody,
                            GitHubStub.INSTALLATION_TOKEN);
        }
    }

    @Test
    @Order(2)
    void eachTemporarySanctionStepEndsOnceWhileBothReplicasPollAndTheStepsFollowInOrder() {
        Repo repo = GitHubPayloads.newRepo("replica-sanctions");
        User offender = User.human("offender");
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName()
                + "/contents/.meritocrab.toml")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/vnd.github.raw+json")
                        .withBody("[sanctions]\nsteps = [\"3s\", \"3s\", \"permanent\"]\n")));
        AtomicInteger pull = new AtomicInteger();
        // 100 credit: four spam PRs reach the blacklist threshold; after an end (credit 50) two more do.
        offend(repo, offender, pull, 4);
        awaitSanctionStepsEnded(repo, 1);
        offend(repo, offender, pull, 2);
        awaitSanctionStepsEnded(repo, 2);
        offend(repo, offender, pull, 2);

        assertThat(Inbox.rows("SELECT s.step, s.status FROM sanction s JOIN contributor c ON c.id = s.contributor_id "
                + "WHERE c.repository_id = ? ORDER BY s.step", repo.id()))
                .extracting(row -> row.get("step") + " " + row.get("status"))
                .containsExactly("1 ENDED", "2 ENDED", "3 ACTIVE");
        assertThat(Inbox.count("SELECT COUNT(*) FROM ledger_entry e JOIN contributor c ON c.id = e.contributor_id "
                + "WHERE c.repository_id = ? AND e.kind = 'SANCTION_ENDED'", repo.id()))
                .as("one end per temporary step, though both replicas poll the sanction queue").isEqualTo(2);
        JsonObject contributor = api.json(repo.apiPath() + "/contributors/" + offender.login() + "?limit=50");
        assertThat(contributor.getBoolean("blacklisted")).isTrue();
        Ledgers.assertConsistent(contributor, 100);
    }

    /** Spam pull requests sent to the replicas in turn, each costing 25 credit. */
    private static void offend(Repo repo, User offender, AtomicInteger pull, int times) {
        for (int i = 0; i < times; i++) {
            int number = pull.incrementAndGet();
            String id = GitHubWebhooks.newDeliveryId();
            assertThat(senders.get(number % 2).send("pull_request", id, GitHubPayloads.pullRequestOpened(repo, offender,
                    number, "Best deals", Enforcement.SPAM_PR_BODY, 3, 0, 1)).statusCode()).isEqualTo(202);
            Inbox.awaitProcessed(id);
        }
    }

    private static void awaitSanctionStepsEnded(Repo repo, int steps) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> Inbox.count(
                "SELECT COUNT(*) FROM sanction s JOIN contributor c ON c.id = s.contributor_id "
                        + "WHERE c.repository_id = ? AND s.status = 'ENDED'", repo.id()) == steps);
        assertThat(Inbox.row("SELECT credit, blacklisted FROM contributor WHERE repository_id = ?", repo.id()))
                .containsEntry("credit", 50).containsEntry("blacklisted", false);
    }

    /** Drives each author to the blacklist, then opens pull requests #5 and #6, which are shadow-closed. */
    private static List<ShadowClose> blacklistAndOpenPullRequests(Repo repo, List<User> authors) {
        List<ShadowClose> shadowCloses = new ArrayList<>();
        int turn = 0;
        for (int a = 0; a < authors.size(); a++) {
            for (int number = 1; number <= 6; number++) {
                String body = number <= 4 ? Enforcement.SPAM_PR_BODY : "Small fix.";
                String id = GitHubWebhooks.newDeliveryId();
                HttpResponse<String> answer = senders.get(turn++ % 2).send("pull_request", id,
                        GitHubPayloads.pullRequestOpened(repo, authors.get(a), 100 * (a + 1) + number, "Best deals",
                                body, 3, 0, 1));
                assertThat(answer.statusCode()).isEqualTo(202);
                Inbox.awaitProcessed(id);
                if (number > 4) {
                    shadowCloses.add(new ShadowClose(100 * (a + 1) + number, id));
                }
            }
        }
        return shadowCloses;
    }

    /** Every shadow close is done, and GitHub got exactly one comment and one close for each. */
    private static void assertShadowClosedOnce(Repo repo, List<ShadowClose> shadowCloses, Duration atMost) {
        for (ShadowClose pr : shadowCloses) {
            Map<String, Object> action = Enforcement.awaitAction(repo, pr.number(), atMost);
            assertThat(action).containsEntry("decision", "SHADOW_CLOSE").containsEntry("status", "DONE");
            assertThat(Enforcement.writesAbout(repo, pr.number())).containsExactly(
                    "POST /repos/" + repo.fullName() + "/issues/" + pr.number() + "/comments",
                    "PATCH /repos/" + repo.fullName() + "/pulls/" + pr.number());
        }
    }

    /** A pull request the gate shadow-closes, and the delivery that opened it. */
    private record ShadowClose(int number, String deliveryId) {
    }

    private static void awaitAllProcessed(Repo repo, int expected) {
        awaitAllProcessed(repo, expected, Duration.ofSeconds(90));
    }

    /** Waits until the repository's deliveries are all processed (none pending, none failed). */
    private static void awaitAllProcessed(Repo repo, int expected, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() ->
                Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ? AND status = 'PROCESSED'", repo.id())
                        >= expected);
        assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ?", repo.id())).isEqualTo(expected);
    }

    private static boolean answered(GitHubWebhooks replica, String id, String payload) {
        try {
            int status = replica.send("pull_request_review", id, payload).statusCode();
            return status == 202 || status == 200;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    private static Map<String, Integer> processedLines(Path server) throws Exception {
        return count(server, PROCESSED);
    }

    private static Map<String, Integer> count(Path server, Pattern pattern) throws Exception {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        Matcher matcher = pattern.matcher(LogFiles.readMessages(server.resolve("logs")));
        while (matcher.find()) {
            counts.merge(matcher.group(1), 1, Integer::sum);
        }
        return counts;
    }
}
