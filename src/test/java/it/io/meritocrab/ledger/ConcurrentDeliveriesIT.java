package it.io.meritocrab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.MeritocrabDeployment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many deliveries about one contributor at the same moment lose no update. */
@ExtendWith(ArquillianExtension.class)
class ConcurrentDeliveriesIT {

    private static final int DELIVERIES = 50;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MeritocrabDeployment.war();
    }

    @Test
    void fiftyConcurrentDeliveriesForOneContributorAllCountAndTheLedgerFolds() throws Exception {
        GitHubWebhooks github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
        AdminApi api = new AdminApi(base, ItEnvironment.ADMIN_TOKEN);
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
