package it.io.meritocrab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many deliveries about one contributor at the same moment lose no update. */
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
}
