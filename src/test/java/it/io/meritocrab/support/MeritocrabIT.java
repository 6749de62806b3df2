package it.io.meritocrab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the Arquillian tests: deploys the WAR the build produced to the Liberty test server (on
 * PostgreSQL) and gives each test GitHub's side and an admin API client.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class MeritocrabIT {

    @ArquillianResource
    protected URL base;

    protected GitHubWebhooks github;
    protected AdminApi api;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return MeritocrabDeployment.war();
    }

    @BeforeEach
    void clients() {
        github = new GitHubWebhooks(base, ItEnvironment.WEBHOOK_SECRET);
        api = new AdminApi(base, ItEnvironment.ADMIN_TOKEN);
    }

    /** Sends a webhook that must be accepted, waits until it is processed, and returns its outcome. */
    public String deliver(String event, String payload) {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        HttpResponse<String> answer = github.send(event, deliveryId, payload);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return Inbox.awaitProcessed(deliveryId);
    }
}
