package it.io.meritocrab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.MeritocrabIT;
import it.io.meritocrab.support.LibertyServer;
import it.io.meritocrab.support.LogFiles;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many deliveries about one contributor at the same moment lose no update, and a backlog is applied
 * several deliveries per transaction, each with its own outcome and its own gate action.
 */
class ConcurrentDeliveriesIT extends MeritocrabIT {

    private static final int DELIVERIES = 50;

    @Test
    void fiftyConcurrentDeliveriesForOneContributorAllCountAndTheLedgerFolds() throws Exception {
        Repo repo = GitHubPayloads.newRepo("concurrent");
        User newcomer = User.human("newcomer");
        User reviewed = User.human("author");
        List<Callable<String>> sends = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            int number = i;
            // Alternate costs and bonuses so the order matters for every entry's before/after.
            String event = i % 2 == 0 ? "issue_comment" : "pull_request_review";
            String payload = i % 2 == 0 ? GitHubPayloads.issueComment(repo, newcomer, number, "+1")
                    : GitHubPayloads.reviewSubmitted(repo, newcomer, reviewed, number);
            sends.add(() -> {
                String deliveryId = GitHubWebhooks.newDeliveryId();
                assertThat(github.send(event, deliveryId, payload).statusCode()).isEqualTo(202);
                return deliveryId;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
        List<String> deliveryIds = new ArrayList<>();
        try {
            for (Future<String> sent : pool.invokeAll(sends)) {
                deliveryIds.add(sent.get());
            }
        } finally {
            pool.shutdown();
        }
        deliveryIds.forEach(Inbox::awaitProcessed);

        JsonObject contributor = api.json(repo.apiPath() + "/contributors/" + newcomer.login() + "?limit=500");
        assertThat(contributor.getJsonArray("entries")).hasSize(DELIVERIES);
        assertThat(contributor.getInt("credit")).isEqualTo(100 + 25 * 5 - 25 * 2);
        Ledgers.assertConsistent(contributor, 100);
        assertThat(Inbox.count("SELECT COUNT(*) FROM contributor WHERE repository_id = ? AND user_id = ?",
                repo.id(), newcomer.id())).isEqualTo(1);
    }

    /**
     * A contributor's backlog (as a burst leaves it in the inbox) is applied several deliveries per
     * transaction; each is still marked processed with its own outcome, and one that cannot be applied
     * rolls back its neighbours' work only for them to be applied one at a time: it alone is parked.
     */
    @Test
    void aBacklogFromOneContributorIsAppliedTogetherEachWithItsOwnOutcome() throws Exception {
        Repo repo = GitHubPayloads.newRepo("backlog");
        User flooder = User.human("flooder");
        int backlog = 24;
        int malformedAt = 13;
        List<String> payloads = new ArrayList<>();
        for (int number = 1; number <= backlog; number++) {
            String payload = GitHubPayloads.pullRequestOpened(repo, flooder, number, "Fix the parser (" + number + ")",
                    "Handles an empty input without throwing.", 12, 3, 1);
            payloads.add(number == malformedAt ? payload.replace("\"number\":" + number + ",", "") : payload);
        }
        List<String> deliveryIds = insertDue(flooder, payloads, Collections.nCopies(backlog, repo));

        for (int number = 1; number <= backlog; number++) {
            String deliveryId = deliveryIds.get(number - 1);
            if (number == malformedAt) {
                continue;
            }
            assertThat(Inbox.awaitProcessed(deliveryId)).startsWith("pull request #" + number + " by flooder:");
        }
        Map<String, Object> malformed = Inbox.row("SELECT status, attempts, last_error FROM delivery WHERE delivery_id = ?",
                deliveryIds.get(malformedAt - 1));
        assertThat(malformed.get("status")).isEqualTo("FAILED");
        assertThat(((Number) malformed.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) malformed.get("last_error")).contains("pull_request.number");

        JsonObject contributor = api.json(repo.apiPath() + "/contributors/" + flooder.login() + "?limit=500");
        assertThat(contributor.getJsonArray("entries")).hasSize(backlog - 1);
        Ledgers.assertConsistent(contributor, 100);
        assertThat(largestTransactionAmong(deliveryIds)).as("deliveries applied in one transaction").isGreaterThan(1);
        // One gate action per pull request: the attempt rolled back with the malformed delivery left none behind.
        assertThat(Inbox.count("SELECT COUNT(*) FROM enforcement_action WHERE repository_id = ?", repo.id()))
                .isEqualTo(backlog - 1);
        assertThat(Inbox.count("SELECT COUNT(DISTINCT pull_number) FROM enforcement_action WHERE repository_id = ?",
                repo.id())).isEqualTo(backlog - 1);
    }

    /**
     * Deliveries applied in one transaction write their evaluations together at the end, yet each sees the
     * ones before it: a pull request opened twice in the batch is evaluated once, and a text sent to three
     * repositories counts the other two for the last of them.
     */
    @Test
    void deliveriesAppliedTogetherSeeTheEvaluationsBeforeThem() throws Exception {
        User poster = User.human("poster");
        // Repository ids equal modulo 840 fall to one worker's share for any worker count up to eight.
        long base = GitHubPayloads.uniqueId() / 840 * 840;
        List<Repo> repositories = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = base + 840L * i;
            repositories.add(new Repo(id, "together-org-" + id, "widgets", 1_000_000 + id % 1_000_000));
        }
        String title = "Improve the documentation " + UUID.randomUUID();
        String body = "This pull request improves the documentation of the project in several places, "
                + "so that new contributors find their way around more easily.";
        Repo first = repositories.get(0);
        List<String> payloads = List.of(
                GitHubPayloads.pullRequestOpened(first, poster, 1, "Fix the parser", "Handles an empty input.", 12, 3, 1),
                GitHubPayloads.pullRequestOpened(first, poster, 1, "Fix the parser", "Handles an empty input.", 12, 3, 1),
                GitHubPayloads.pullRequestOpened(first, poster, 2, title, body, 12, 1, 1),
                GitHubPayloads.pullRequestOpened(repositories.get(1), poster, 2, title, body, 12, 1, 1),
                GitHubPayloads.pullRequestOpened(repositories.get(2), poster, 2, title, body, 12, 1, 1));
        List<String> deliveryIds = insertDue(poster, payloads, List.of(first, first, first, repositories.get(1),
                repositories.get(2)));

        deliveryIds.forEach(Inbox::awaitProcessed);
        assertThat(largestTransactionAmong(deliveryIds)).as("deliveries applied in one transaction")
                .isEqualTo(payloads.size());
        assertThat(Inbox.awaitProcessed(deliveryIds.get(1))).contains("already evaluated");
        assertThat(Inbox.count("SELECT COUNT(*) FROM evaluation WHERE repository_id = ? AND subject_number = 1",
                first.id())).isEqualTo(1);
        assertThat(reasoning(repositories.get(0))).doesNotContain("other repositories");
        assertThat(reasoning(repositories.get(1))).doesNotContain("other repositories");
        assertThat(reasoning(repositories.get(2))).contains("same text posted to 2 other repositories");
    }

    private static String reasoning(Repo repository) {
        return (String) Inbox.row("SELECT reasoning FROM evaluation WHERE repository_id = ? AND subject_number = 2",
                repository.id()).get("reasoning");
    }

    /**
     * Stores the deliveries due at once, in one statement, as a burst leaves them in the inbox: the whole
     * backlog becomes due at the same moment.
     */
    private static List<String> insertDue(User sender, List<String> payloads, List<Repo> repositories) {
        StringBuilder insert = new StringBuilder("INSERT INTO delivery (delivery_id, event, action, installation_id, "
                + "repository_id, repository_name, payload, payload_size, received_at, status, attempts, next_attempt_at, "
                + "sender_id) VALUES ");
        List<Object> values = new ArrayList<>();
        List<String> deliveryIds = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < payloads.size(); i++) {
            byte[] bytes = payloads.get(i).getBytes(StandardCharsets.UTF_8);
            String deliveryId = GitHubWebhooks.newDeliveryId();
            deliveryIds.add(deliveryId);
            Repo repo = repositories.get(i);
            insert.append(i == 0 ? "" : ", ").append("(?, 'pull_request', 'opened', ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)");
            values.addAll(List.of(deliveryId, repo.installationId(), repo.id(), repo.fullName(), bytes,
                    bytes.length, now, now, sender.id()));
        }
        assertThat(Inbox.execute(insert.toString(), values.toArray())).isEqualTo(payloads.size());
        return deliveryIds;
    }

    /** The most deliveries of these the server's log says it applied in one transaction. */
    private static int largestTransactionAmong(List<String> deliveryIds) throws Exception {
        String log = LogFiles.readMessages(new LibertyServer(System.getProperty("meritocrab.it.server")).directory()
                .resolve("logs"));
        int largest = 0;
        for (String deliveryId : deliveryIds) {
            Matcher together = Pattern.compile("delivery=" + Pattern.quote(deliveryId) + " .* together=(\\d+)").matcher(log);
            if (together.find()) {
                largest = Math.max(largest, Integer.parseInt(together.group(1)));
            }
        }
        return largest;
    }
}
