package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.LibertyServer;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database failing under load, twice: PostgreSQL stopped for 20 s and started again, and every
 * pooled connection held by transactions blocked on locks (the pool is exhausted: Liberty logs
 * J2CA0045E). Webhooks meanwhile are answered 503 (GitHub shows them as failed and they can be
 * redelivered) within GitHub's 10 s, nothing answered 202 is lost or applied twice, and the backlog
 * drains afterwards. The server runs with a pool of {@value #POOL_SIZE} connections so that a lock
 * exhausts it. Runs in the restart-tests execution: it starts its own server, and stops the database.
 */
class DatabaseFaultsRestartIT {

    private static final LibertyServer SERVER = new LibertyServer(System.getProperty("meritocrab.it.server"));
    private static final Path DROPINS_WAR = SERVER.directory().resolve("dropins/meritocrab.war");
    private static final Path SERVER_ENV = SERVER.directory().resolve("server.env");
    private static final int POOL_SIZE = 8;

    private static String originalEnv;
    private final URL base = url("http://localhost:" + System.getProperty("meritocrab.it.http.port") + "/meritocrab/");

    @BeforeAll
    static void startServer() throws Exception {
        originalEnv = Files.readString(SERVER_ENV);
        SERVER.writeServerEnv(originalEnv + "MERITOCRAB_DB_POOL_SIZE=" + POOL_SIZE + "\n");
        Files.createDirectories(DROPINS_WAR.getParent());
        Files.copy(Path.of(System.getProperty("meritocrab.it.war")), DROPINS_WAR, StandardCopyOption.REPLACE_EXISTING);
        SERVER.start();
        LibertyServer.awaitReady(Integer.parseInt(System.getProperty("meritocrab.it.http.port")));
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
    void postgresStoppedFor20SecondsUnderLoadAndStartedAgain() throws Exception {
        Repo repo = GitHubPayloads.newRepo("outage");
        Load load = new Load(repo);
        Map<Integer, Integer> answersBefore;
        Map<Integer, Integer> answersDuringOutage;
        Instant stoppedAt;
        Instant startedAt;
        Instant acceptingAgainAt;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted.size() >= 20);
            answersBefore = load.answersSoFar();
            ItEnvironment.postgres().stop();
            stoppedAt = Instant.now();
            Thread.sleep(20_000);
            answersDuringOutage = load.answersSoFar();
            ItEnvironment.postgres().startAgain();
            startedAt = Instant.now();
            // Until the server's pool has new connections and accepts again.
            int acceptedAtStart = load.accepted.size();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.accepted.size() > acceptedAtStart + 10);
            acceptingAgainAt = Instant.now();
        } finally {
            load.stop();
        }
        Instant drained = load.awaitApplied(Duration.ofMinutes(3));

        System.out.printf("DatabaseFaultsRestartIT: PostgreSQL stopped %d s; answers before %s, up to its start %s, in all %s; "
                        + "slowest answer %d ms; accepting again %d s after its start; all %d accepted applied %d s "
                        + "after its start%n", Duration.between(stoppedAt, startedAt).toSeconds(), answersBefore,
                answersDuringOutage, load.answers, load.slowest.get(),
                Duration.between(startedAt, acceptingAgainAt).toSeconds(), load.accepted.size(),
                Duration.between(startedAt, drained).toSeconds());
        assertThat(answersDuringOutage.getOrDefault(503, 0)).as("webhooks answered 503 while the database was down")
                .isGreaterThan(answersBefore.getOrDefault(503, 0));
        assertThat(load.answers.keySet()).as("answers").isSubsetOf(202, 503);
        assertThat(load.slowest.get()).as("slowest answer, ms (GitHub waits 10 s)").isLessThan(10_000);
        load.assertEachAcceptedAppliedOnce();
    }

    @Test
    void connectionPoolExhaustedByBlockedTransactions() throws Exception {
        Repo repo = GitHubPayloads.newRepo("pool");
        Load load = new Load(repo);
        Thread.sleep(2_000);
        Map<Integer, Integer> answersBefore;
        int poolTimeoutsBefore = poolTimeouts();
        try (Load running = load; Connection lockHolder = ItEnvironment.database().getConnection()) {
            lockHolder.setAutoCommit(false);
            try (Statement lock = lockHolder.createStatement()) {
                // Every write and lease of a queue now waits, each holding a pooled connection.
                lock.execute("LOCK TABLE delivery, enforcement_action, github_reply, model_request, periodic_job, replica "
                        + "IN EXCLUSIVE MODE");
            }
            answersBefore = load.answersSoFar();
            Thread.sleep(20_000);
            lockHolder.rollback();
        }
        Instant releasedAt = Instant.now();
        Instant drained = load.awaitApplied(Duration.ofMinutes(3));

        System.out.printf("DatabaseFaultsRestartIT: pool of %d exhausted for 20 s; answers %s (before: %s); slowest answer "
                        + "%d ms; all %d accepted applied %d s after the lock was released%n", POOL_SIZE, load.answers,
                answersBefore, load.slowest.get(), load.accepted.size(), Duration.between(releasedAt, drained).toSeconds());
        assertThat(poolTimeouts()).as("pool timeouts (J2CA0045E) logged while the locks were held")
                .isGreaterThan(poolTimeoutsBefore);
        assertThat(load.answers).as("webhooks while no connection could be had are refused with 503").containsKey(503);
        assertThat(load.answers.keySet()).as("answers").isSubsetOf(202, 503);
        assertThat(load.slowest.get()).as("slowest answer, ms (GitHub waits 10 s)").isLessThan(10_000);
        load.assertEachAcceptedAppliedOnce();
    }

    /** Four senders posting reviews of one repository until stopped; what each was answered. */
    private final class Load implements AutoCloseable {

        private final Repo repo;
        private final User reviewer = User.human("steady");
        private final User author = User.human("author");
        private final Set<String> accepted = ConcurrentHashMap.newKeySet();
        private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        private final AtomicLong slowest = new AtomicLong();
        private final AtomicBoolean sending = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final List<Future<?>> loops = new ArrayList<>();

        Load(Repo repo) {
            this.repo = repo;
            GitHubWebhooks github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
            AtomicInteger number = new AtomicInteger();
            for (int t = 0; t < 4; t++) {
                loops.add(pool.submit(() -> {
                    while (sending.get()) {
                        String id = GitHubWebhooks.newDeliveryId();
                        long sent = System.nanoTime();
                        try {
                            int status = github.send("pull_request_review", id,
                                    GitHubPayloads.reviewSubmitted(repo, reviewer, author, number.incrementAndGet()))
                                    .statusCode();
                            slowest.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
                            answers.merge(status, 1, Integer::sum);
                            if (status == 202) {
                                accepted.add(id);
                            } else {
                                Thread.sleep(50);
                            }
                        } catch (UncheckedIOException e) {
                            answers.merge(-1, 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
        }

        Map<Integer, Integer> answersSoFar() {
            return new TreeMap<>(answers);
        }

        @Override
        public void close() throws Exception {
            Thread.sleep(3_000);
            stop();
        }

        void stop() throws Exception {
            if (!sending.getAndSet(false)) {
                return;
            }
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        Instant awaitApplied(Duration atMost) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> Inbox.count(
                    "SELECT COUNT(*) FROM delivery WHERE repository_id = ? AND status <> 'PROCESSED'", repo.id()) == 0);
            return Instant.now();
        }

        void assertEachAcceptedAppliedOnce() {
            assertThat(accepted).as("deliveries answered 202").hasSizeGreaterThan(10);
            int stored = Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ?", repo.id());
            assertThat(Inbox.count("SELECT COUNT(*) FROM delivery WHERE repository_id = ? AND delivery_id = ANY (?)",
                    repo.id(), accepted.toArray(String[]::new))).as("deliveries answered 202 and stored")
                    .isEqualTo(accepted.size());
            Map<String, Object> ledger = Inbox.row("SELECT COUNT(*) AS entries, COUNT(DISTINCT e.delivery_id) AS deliveries, "
                    + "MAX(e.seq) AS last_seq, MAX(c.credit) AS credit FROM ledger_entry e JOIN contributor c "
                    + "ON c.id = e.contributor_id WHERE c.repository_id = ? AND c.login = ?", repo.id(), reviewer.login());
            // A delivery refused with 503 after its commit was under way may be stored too; it is applied like the others.
            assertThat(((Number) ledger.get("entries")).intValue()).as("one entry per stored delivery").isEqualTo(stored);
            assertThat(((Number) ledger.get("deliveries")).intValue()).isEqualTo(stored);
            assertThat(((Number) ledger.get("last_seq")).intValue()).isEqualTo(stored);
            assertThat(((Number) ledger.get("credit")).intValue()).isEqualTo(100 + 5 * stored);
        }
    }

    private static int poolTimeouts() throws java.io.IOException {
        String log = Files.readString(SERVER.directory().resolve("logs/messages.log"));
        return log.split("J2CA0045E", -1).length - 1;
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
