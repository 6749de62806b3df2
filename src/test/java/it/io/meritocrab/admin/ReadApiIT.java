package it.io.meritocrab.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin read API: bearer authentication, keyset pages, newest-first ledgers, clear errors. */
class ReadApiIT extends MeritocrabIT {

    private final Repo repo = GitHubPayloads.newRepo("api");

    @Test
    void requestsWithoutTheRightBearerTokenAreUnauthorized() {
        comment(User.human("someone"), "+1");

        HttpResponse<String> none = api.getWithToken(repo.apiPath() + "/contributors", null);
        HttpResponse<String> wrong = api.getWithToken(repo.apiPath() + "/contributors", "guess");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(ItEnvironment.ADMIN_TOKEN);
        assertThat(api.getWithToken("/api/deliveries", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void contributorsArePagedWithAnOpaqueCursorUntilNextIsNull() {
        for (String login : List.of("ann", "ben", "cid", "dot", "eve")) {
            comment(User.human(login), "+1");
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = api.json(repo.apiPath() + "/contributors?limit=2" + (cursor == null ? "" : "&after=" + cursor));
            page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("login")));
            cursor = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyInAnyOrder("ann", "ben", "cid", "dot", "eve");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void contributorDetailListsEntriesNewestFirst() {
        User gus = User.human("gus");
        comment(gus, "+1");
        comment(gus, "I think the default timeout should be configurable too, maybe via an environment variable.");

        JsonObject detail = api.json(repo.apiPath() + "/contributors/GUS");

        assertThat(detail.getString("login")).isEqualTo("gus");
        assertThat(detail.getInt("credit")).isEqualTo(99);
        assertThat(detail.getJsonArray("entries")).extracting(e -> e.asJsonObject().getInt("delta")).containsExactly(1, -2);
        JsonObject newest = detail.getJsonArray("entries").getJsonObject(0);
        assertThat(newest.keySet()).contains("kind", "delta", "creditBefore", "creditAfter", "actor", "reason",
                "deliveryId", "createdAt");
    }

    @Test
    void repositoryEventsAreTheWholeLedgerNewestFirstInPages() {
        comment(User.human("hal"), "+1");
        comment(User.human("ivy"), "+1");
        comment(User.human("hal"), "I think the default timeout should be configurable too, maybe via an environment variable.");

        JsonObject first = api.json(repo.apiPath() + "/events?limit=2");
        JsonObject second = api.json(repo.apiPath() + "/events?limit=2&after=" + first.getString("next"));

        List<JsonValue> all = new ArrayList<>(first.getJsonArray("items"));
        all.addAll(second.getJsonArray("items"));
        assertThat(all).extracting(e -> e.asJsonObject().getString("login")).containsExactly("hal", "ivy", "hal");
        assertThat(all).extracting(e -> e.asJsonObject().getInt("delta")).containsExactly(1, -2, -2);
        assertThat(second.isNull("next")).isTrue();
    }

    @Test
    void unknownRepositoryOrContributorIsNotFoundAndBadPagingIsABadRequest() {
        comment(User.human("jay"), "+1");

        assertThat(api.get("/api/repos/nobody/nothing/contributors").statusCode()).isEqualTo(404);
        assertThat(api.get(repo.apiPath() + "/contributors/nobody").statusCode()).isEqualTo(404);
        HttpResponse<String> badLimit = api.get(repo.apiPath() + "/contributors?limit=lots");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
        assertThat(api.get(repo.apiPath() + "/contributors?after=xyz").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/deliveries?status=weird").statusCode()).isEqualTo(400);
    }

    private void comment(User author, String body) {
        String deliveryId = GitHubWebhooks.newDeliveryId();
        assertThat(github.send("issue_comment", deliveryId, GitHubPayloads.issueComment(repo, author, 1, body))
                .statusCode()).isEqualTo(202);
        Inbox.awaitProcessed(deliveryId);
    }
}
