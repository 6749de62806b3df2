package it.io.meritocrab.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every maintainer operation of the admin API, and the ledger entry naming the actor that each writes. */
class MaintainerApiIT extends MeritocrabIT {

    private static final String ACTOR = "admin-token";
    /** Shouting but explained: the rules are unsure. Numbered, so no other repository got the same text. */

    private final Repo repo = GitHubPayloads.newRepo("ops");

    @Test
    void adjustChangesCreditAndWritesAnEntryNamingTheActorAndReason() {
        User ann = User.human("ann");
        comment(ann, "+1");

        JsonObject result = adjust(ann.login(), "{\"delta\": 7, \"reason\": \"helped triage the backlog\"}", 200);

        assertThat(result.getInt("credit")).isEqualTo(105);
        JsonObject entry = result.getJsonObject("entry");
        assertThat(entry.getString("kind")).isEqualTo("MAINTAINER_ADJUSTMENT");
        assertThat(entry.getInt("delta")).isEqualTo(7);
        assertThat(entry.getString("actor")).isEqualTo(ACTOR);
        assertThat(entry.getString("reason")).isEqualTo("helped triage the backlog");
        JsonObject newest = api.json(repo.apiPath() + "/contributors/ann").getJsonArray("entries").getJsonObject(0);
        assertThat(newest.getString("actor")).isEqualTo(ACTOR);
        assertThat(newest.getInt("creditAfter")).isEqualTo(105);
    }

    @Test
    void anAdjustmentDownToTheThresholdBlacklistsAndCreditNeverGoesBelowZero() {
        User ben = User.human("ben");
        comment(ben, "+1");

        JsonObject result = adjust(ben.login(), "{\"delta\": -500, \"reason\": \"spam wave\"}", 200);

        assertThat(result.getInt("credit")).isZero();
        assertThat(result.getBoolean("blacklisted")).isTrue();
        assertThat(result.getJsonObject("entry").getInt("delta")).isEqualTo(-98);
        assertThat(kinds(ben)).containsExactly("BLACKLISTED", "MAINTAINER_ADJUSTMENT", "COMMENT_CREATED");
    }

    @Test
    void badInputIsABadRequestWithAMessageAndUnknownContributorsAreNotFound() {
        User cid = User.human("cid");
        comment(cid, "+1");

        assertThat(adjustRaw("cid", "{\"delta\": 0, \"reason\": \"x\"}").body()).contains("delta");
        assertThat(adjustRaw("cid", "{\"delta\": 0, \"reason\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(adjustRaw("cid", "{\"delta\": \"5\", \"reason\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(adjustRaw("cid", "{\"delta\": 1.5, \"reason\": \"x\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> noReason = adjustRaw("cid", "{\"delta\": 5}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(adjustRaw("cid", "{\"delta\": 5, \"reason\": \"   \"}").statusCode()).isEqualTo(400);
        assertThat(api.post(repo.apiPath() + "/contributors/cid/blacklist", "{\"blacklisted\": \"yes\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = adjustRaw("nobody", "{\"delta\": 5, \"reason\": \"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown contributor");
        assertThat(kinds(cid)).containsExactly("COMMENT_CREATED");
    }

    @Test
    void blacklistAndUnblacklistAreEntriesAndRepeatingOneChangesNothing() {
        User dot = User.human("dot");
        comment(dot, "+1");

        JsonObject on = blacklist("dot", true, 200);
        JsonObject again = blacklist("dot", true, 200);
        JsonObject off = api.json(repo.apiPath() + "/contributors/dot");
        JsonObject offResult = blacklist("dot", false, 200);

        assertThat(on.getBoolean("blacklisted")).isTrue();
        assertThat(on.getBoolean("changed")).isTrue();
        assertThat(on.getJsonObject("entry").getString("actor")).isEqualTo(ACTOR);
        assertThat(again.getBoolean("changed")).isFalse();
        assertThat(again.isNull("entry")).isTrue();
        assertThat(off.getBoolean("blacklisted")).isTrue();
        assertThat(offResult.getBoolean("blacklisted")).isFalse();
        assertThat(offResult.getJsonObject("entry").getString("kind")).isEqualTo("UNBLACKLISTED");
        assertThat(offResult.getInt("credit")).isEqualTo(98);
        assertThat(kinds(dot)).containsExactly("UNBLACKLISTED", "BLACKLISTED", "COMMENT_CREATED");
    }

    @Test
    void approvingAPendingEvaluationAppliesItsProposedDeltaOnceThenItIsNoLongerPending() {
        User eve = User.human("eve");
        long evaluation = pendingEvaluation(eve, 31);

        JsonObject queue = api.json(repo.apiPath() + "/evaluations?status=pending");
        HttpResponse<String> approved = api.post(repo.apiPath() + "/evaluations/" + evaluation + "/approve", "");
        HttpResponse<String> twice = api.post(repo.apiPath() + "/evaluations/" + evaluation + "/approve", "");

        assertThat(queue.getJsonArray("items")).extracting(i -> i.asJsonObject().getJsonNumber("id").longValue())
                .containsExactly(evaluation);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonObject entry = parse(approved).getJsonObject("entry");
        assertThat(entry.getString("kind")).isEqualTo("PULL_REQUEST_OPENED");
        assertThat(entry.getInt("delta")).isEqualTo(5);
        assertThat(entry.getString("actor")).isEqualTo(ACTOR);
        assertThat(entry.getJsonObject("evaluation").getString("status")).isEqualTo("APPROVED");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("approved");
        assertThat(api.json(repo.apiPath() + "/evaluations").getJsonArray("items")).isEmpty();
        assertThat(api.json(repo.apiPath() + "/contributors/eve").getInt("credit")).isEqualTo(105);
        assertThat(Inbox.row("SELECT status, decided_by FROM evaluation WHERE id = ?", evaluation))
                .containsEntry("status", "APPROVED").containsEntry("decided_by", ACTOR);
    }

    @Test
    void overridingAppliesTheMaintainersDeltaAndKeepsTheNote() {
        User fay = User.human("fay");
        long evaluation = pendingEvaluation(fay, 32);

        HttpResponse<String> noNote = api.post(repo.apiPath() + "/evaluations/" + evaluation + "/override", "{\"delta\": -3}");
        HttpResponse<String> overridden = api.post(repo.apiPath() + "/evaluations/" + evaluation + "/override",
                "{\"delta\": -3, \"note\": \"shouting is not a fix\"}");
        HttpResponse<String> thenApprove = api.post(repo.apiPath() + "/evaluations/" + evaluation + "/approve", "");

        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
        JsonObject entry = parse(overridden).getJsonObject("entry");
        assertThat(entry.getInt("delta")).isEqualTo(-3);
        assertThat(entry.getString("actor")).isEqualTo(ACTOR);
        assertThat(entry.getString("reason")).contains("shouting is not a fix").contains("proposed 5");
        assertThat(thenApprove.statusCode()).isEqualTo(409);
        assertThat(Inbox.row("SELECT status, decision_note FROM evaluation WHERE id = ?", evaluation))
                .containsEntry("status", "OVERRIDDEN").containsEntry("decision_note", "shouting is not a fix");
    }

    @Test
    void anEvaluationOfAnotherRepositoryIsNotFoundAndAnAppliedOneIsAConflict() {
        Repo other = GitHubPayloads.newRepo("ops-other");
        User gus = User.human("gus");
        long elsewhere = pendingEvaluation(other, gus, 33);
        comment(gus, "I looked into it: the parser fails on an empty buffer, and a check in read() would help.");
        long applied = ((Number) Inbox.row("SELECT e.id FROM evaluation e WHERE e.repository_id = ? AND e.status = 'APPLIED'",
                repo.id()).get("id")).longValue();

        HttpResponse<String> viaWrongRepo = api.post(repo.apiPath() + "/evaluations/" + elsewhere + "/approve", "");
        HttpResponse<String> notPending = api.post(repo.apiPath() + "/evaluations/" + applied + "/approve", "");

        assertThat(viaWrongRepo.statusCode()).isEqualTo(404);
        assertThat(Inbox.row("SELECT status FROM evaluation WHERE id = ?", elsewhere)).containsEntry("status", "PENDING");
        assertThat(notPending.statusCode()).isEqualTo(409);
        assertThat(api.get(repo.apiPath() + "/evaluations?status=weird").statusCode()).isEqualTo(400);
    }

    @Test
    void concurrentAdjustmentsOfOneContributorAreAllKept() {
        User hal = User.human("hal");
        comment(hal, "+1");

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        adjustRaw("hal", "{\"delta\": 2, \"reason\": \"parallel " + i + "\"}")))
                .toList();

        assertThat(calls).allSatisfy(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        JsonObject detail = api.json(repo.apiPath() + "/contributors/hal");
        assertThat(detail.getInt("credit")).isEqualTo(98 + 24);
        List<Map<String, Object>> chain = Inbox.rows("SELECT credit_before, credit_after FROM ledger_entry e "
                + "JOIN contributor c ON c.id = e.contributor_id WHERE c.repository_id = ? AND c.user_id = ? ORDER BY e.seq",
                repo.id(), hal.id());
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).get("credit_before")).isEqualTo(chain.get(i - 1).get("credit_after"));
        }
    }

    @Test
    void theLedgerExportsAsCsvWithEveryEntryOldestFirst() {
        User ivy = User.human("ivy");
        comment(ivy, "+1");
        adjust("ivy", "{\"delta\": 4, \"reason\": \"said \\\"thanks\\\", then fixed it, too\"}", 200);

        HttpResponse<String> csv = api.get(repo.apiPath() + "/ledger.csv");

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,created_at,login,user_id,kind");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",ivy," + ivy.id() + ",COMMENT_CREATED,-2,-2,100,98,system,");
        assertThat(lines[2]).contains(",MAINTAINER_ADJUSTMENT,4,4,98,102,admin-token,\"said \"\"thanks\"\", then fixed it, too\"");
    }

    private long pendingEvaluation(User author, int number) {
        return pendingEvaluation(repo, author, number);
    }

    private long pendingEvaluation(Repo where, User author, int number) {
        assertThat(deliver("pull_request", GitHubPayloads.unsurePullRequest(where, author, number)))
                .contains("PENDING");
        return ((Number) Inbox.row("SELECT e.id FROM evaluation e JOIN contributor c ON c.id = e.contributor_id "
                + "WHERE c.repository_id = ? AND c.user_id = ?", where.id(), author.id()).get("id")).longValue();
    }

    private List<String> kinds(User user) {
        return api.json(repo.apiPath() + "/contributors/" + user.login()).getJsonArray("entries").stream()
                .map(e -> e.asJsonObject().getString("kind")).toList();
    }

    private JsonObject adjust(String login, String body, int status) {
        HttpResponse<String> response = adjustRaw(login, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return parse(response);
    }

    private HttpResponse<String> adjustRaw(String login, String body) {
        return api.post(repo.apiPath() + "/contributors/" + login + "/adjust", body);
    }

    private JsonObject blacklist(String login, boolean blacklisted, int status) {
        HttpResponse<String> response = api.post(repo.apiPath() + "/contributors/" + login + "/blacklist",
                "{\"blacklisted\": " + blacklisted + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return parse(response);
    }

    private static JsonObject parse(HttpResponse<String> response) {
        return it.io.meritocrab.support.AdminApi.parse(response.body());
    }

    private void comment(User author, String body) {
        deliver("issue_comment", GitHubPayloads.issueComment(repo, author, 1, body));
    }
}
