package it.io.meritocrab.appeals;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appeals end to end: a contributor asks on their own page (GitHub sign-in played by WireMock), the
 * appeal waits in the repository's review queue with the entry and the fenced text, and a maintainer
 * upholds it or reverses the entry (a ledger entry naming them and the appeal); one open appeal per
 * entry, three a month per contributor and repository, a sanctioned contributor appeals like anyone.
 */
class AppealsIT extends MeritocrabIT {

    private static final Pattern FORM = Pattern.compile("<form ([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    private final Repo repo = GitHubPayloads.newRepo("appeal");
    private User carol;
    private String maintainer;
    private ConsoleSession contributor;

    @BeforeEach
    void aContributorWhoLostCredit() {
        carol = User.human("carol-" + GitHubPayloads.uniqueId());
        maintainer = "maint-" + GitHubPayloads.uniqueId();
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/"
                + maintainer + "/permission")).willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"maintain\"}")));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, carol, 1, "+1"));
        contributor = new ConsoleSession(base);
        assertThat(contributor.signInWithGitHub(carol.login(), carol.id(), "/login/github?to=me").statusCode()).isEqualTo(302);
    }

    @Test
    void anAppealWaitsInTheQueueFencedAndAReversalGivesTheCreditBackNamingMaintainerAndAppeal() {
        long entryId = newestEntry().getInt("id");
        String text = "I meant it <a href=\"https://evil.example\">click</a> https://evil.example/x";

        HttpResponse<String> sent = appeal(entryId, text);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(contributor.follow(sent).body()).contains("a maintainer will look at this change again")
                .contains("no answer yet");
        JsonObject appeal = onlyOpenAppeal();
        assertThat(appeal.getString("login")).isEqualTo(carol.login());
        assertThat(appeal.getString("text")).isEqualTo(text);
        assertThat(appeal.getJsonObject("entry").getInt("id")).isEqualTo((int) entryId);

        ConsoleSession console = new ConsoleSession(base);
        console.signInWithGitHub(maintainer);
        assertThat(console.get("/console/index.xhtml").body()).contains("id=\"appeal-count\">1<");
        String queue = console.get("/console/reviews.xhtml?repo=" + repo.fullName()).body();
        String card = queue.substring(queue.indexOf("<article class=\"card appeal\""));
        assertThat(card).contains("<pre class=\"fenced appeal-text\">")
                .contains("&lt;a href=").doesNotContain("<a href=\"https://evil.example")
                .contains("comment created").contains("-2");
        String form = formId(card, "decide-appeal");
        HttpResponse<String> reversed = console.submit("/console/reviews.xhtml?repo=" + repo.fullName(), queue, form,
                Map.of(form + ":note", "fair point", form + ":reverse", "Reverse (give back 2)"));

        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(302);
        JsonObject newest = newestEntry();
        assertThat(newest.getString("kind")).isEqualTo("APPEAL_REVERSED");
        assertThat(newest.getInt("delta")).isEqualTo(2);
        assertThat(newest.getString("actor")).isEqualTo(maintainer);
        assertThat(newest.getString("reason")).contains("appeal #" + appeal.getInt("id")).contains(maintainer)
                .contains("fair point");
        assertThat(api.json(repo.apiPath() + "/contributors/" + carol.login()).getInt("credit")).isEqualTo(100);
        JsonObject decided = api.json(repo.apiPath() + "/appeals?status=reversed").getJsonArray("items").getJsonObject(0);
        assertThat(decided.getString("decidedBy")).isEqualTo(maintainer);
        assertThat(api.post(repo.apiPath() + "/appeals/" + appeal.getInt("id") + "/reverse", "{}").statusCode())
                .isEqualTo(409);
        assertThat(ownPage()).contains("gave the credit back").contains("Given back after your request");
    }

    @Test
    void anUpholdThroughTheApiKeepsTheEntry() {
        long entryId = newestEntry().getInt("id");
        appeal(entryId, "please look again");
        int appealId = onlyOpenAppeal().getInt("id");

        HttpResponse<String> upheld = api.post(repo.apiPath() + "/appeals/" + appealId + "/uphold", "{\"note\": \"stays\"}");

        assertThat(upheld.statusCode()).as(upheld.body()).isEqualTo(200);
        assertThat(AdminApi.parse(upheld.body()).getString("status")).isEqualTo("upheld");
        assertThat(AdminApi.parse(upheld.body()).getString("decidedBy")).isEqualTo("admin-token");
        assertThat(api.json(repo.apiPath() + "/contributors/" + carol.login()).getInt("credit")).isEqualTo(98);
        assertThat(api.json(repo.apiPath() + "/appeals").getJsonArray("items")).isEmpty();
        assertThat(ownPage()).contains("kept this change");
    }

    @Test
    void oneOpenAppealPerEntryAndATextOverTheLimitIsRefused() {
        long entryId = newestEntry().getInt("id");
        String page = ownPage();

        HttpResponse<String> tooLong = submitAppeal(page, entryId, "x".repeat(1001));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("keep it to 1000 characters");
        assertThat(appeal(entryId, "first").statusCode()).isEqualTo(302);
        HttpResponse<String> again = submitAppeal(page, entryId, "second");

        assertThat(again.body()).contains("has not answered your request on this change yet");
        assertThat(api.json(repo.apiPath() + "/appeals").getJsonArray("items")).hasSize(1);
        assertThat(ownPage()).doesNotContain("data-entry=\"" + entryId + "\"");
    }

    @Test
    void threeAppealsAMonthPerContributorAndRepositoryAndASanctionDoesNotStopThem() {
        for (int issue = 2; issue <= 4; issue++) {
            deliver("issue_comment", GitHubPayloads.issueComment(repo, carol, issue, "+1"));
        }
        assertThat(api.post(repo.apiPath() + "/contributors/" + carol.login() + "/blacklist",
                "{\"blacklisted\": true}").statusCode()).isEqualTo(200);
        List<Integer> costly = entries().stream().filter(e -> e.getInt("delta") < 0).map(e -> e.getInt("id")).toList();
        assertThat(costly).hasSize(4);

        for (int i = 0; i < 3; i++) {
            assertThat(appeal(costly.get(i), "look again " + i).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> fourth = appeal(costly.get(3), "and this one");

        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(fourth.body()).contains("You can ask 3 times in 30 days").doesNotContainIgnoringCase("blacklist");
        assertThat(api.json(repo.apiPath() + "/appeals").getJsonArray("items")).hasSize(3);
    }

    @Test
    void aMaintainerOfAnotherRepositoryCannotSeeOrDecideTheAppeals() {
        appeal(newestEntry().getInt("id"), "please");
        int appealId = onlyOpenAppeal().getInt("id");
        ConsoleSession stranger = new ConsoleSession(base);
        stranger.signInWithGitHub("stranger-" + GitHubPayloads.uniqueId());

        assertThat(stranger.get(repo.apiPath() + "/appeals").statusCode()).isEqualTo(404);
        assertThat(stranger.postJson(repo.apiPath() + "/appeals/" + appealId + "/reverse", "{}").statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/console/reviews.xhtml?repo=" + repo.fullName()).statusCode()).isEqualTo(404);
        assertThat(onlyOpenAppeal().getInt("id")).isEqualTo(appealId);
    }

    private HttpResponse<String> appeal(long entryId, String text) {
        return submitAppeal(ownPage(), entryId, text);
    }

    private HttpResponse<String> submitAppeal(String page, long entryId, String text) {
        String form = null;
        Matcher forms = FORM.matcher(page);
        while (forms.find()) {
            if (forms.group(1).contains("data-entry=\"" + entryId + "\"")) {
                Matcher id = ID.matcher(forms.group(1));
                form = id.find() ? id.group(1) : null;
            }
        }
        assertThat(form).as("an appeal form for entry " + entryId).isNotNull();
        return contributor.submit("/console/me.xhtml", page, form,
                Map.of(form + ":text", text, form + ":send", "Send to the maintainers"));
    }

    private String ownPage() {
        HttpResponse<String> page = contributor.get("/console/me.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static String formId(String html, String suffix) {
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            Matcher id = ID.matcher(forms.group(1));
            if (id.find() && id.group(1).endsWith(suffix)) {
                return id.group(1);
            }
        }
        throw new AssertionError("no form " + suffix);
    }

    private JsonObject onlyOpenAppeal() {
        var items = api.json(repo.apiPath() + "/appeals?status=open").getJsonArray("items");
        assertThat(items).hasSize(1);
        return items.getJsonObject(0);
    }

    private List<JsonObject> entries() {
        return api.json(repo.apiPath() + "/contributors/" + carol.login()).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
    }

    private JsonObject newestEntry() {
        return entries().get(0);
    }
}
