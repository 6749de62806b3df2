package it.io.meritocrab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.Inbox;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.Ledgers;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each event with a ledger effect, from signed webhook to the ledger the admin API shows. */
class LedgerEventsIT extends MeritocrabIT {

    static final String GOOD_PR_TITLE = "Fix crash when parsing an empty configuration file";
    static final String GOOD_PR_BODY = "Fixes #12.\n\nThe parser crashed with a NullPointerException when the "
            + "configuration file was empty, because the section list was never initialised. This change "
            + "initialises it before parsing so that empty files load as an empty configuration.\n\n"
            + "I added unit tests for the empty file and the missing section cases.";
    static final String SPAM_PR_BODY = "Check out my site https://bit.ly/deal1 and https://cheap-casino.example/win "
            + "and https://tinyurl.com/free now buy crypto airdrop";

    private final Repo repo = GitHubPayloads.newRepo("ledger");

    @Test
    void wellDescribedPullRequestPassesTheGateAndEarnsTheHighScore() {
        User alice = User.human("alice");

        String outcome = deliver("pull_request",
                GitHubPayloads.pullRequestOpened(repo, alice, 7, GOOD_PR_TITLE, GOOD_PR_BODY, 40, 3, 2));

        assertThat(outcome).contains("gate ALLOW");
        JsonObject contributor = contributor(alice);
        assertThat(contributor.getInt("credit")).isEqualTo(115);
        assertThat(contributor.getJsonNumber("userId").longValue()).isEqualTo(alice.id());
        JsonObject entry = contributor.getJsonArray("entries").getJsonObject(0);
        assertThat(entry.getString("kind")).isEqualTo("PULL_REQUEST_OPENED");
        assertThat(entry.getInt("delta")).isEqualTo(15);
        assertThat(entry.getString("actor")).isEqualTo("system");
        assertThat(entry.getJsonObject("evaluation").getString("classification")).isEqualTo("HIGH");
        assertThat(entry.getJsonObject("evaluation").getString("provider")).isEqualTo("rules");
        assertThat(entry.getJsonObject("evaluation").getString("promptVersion")).isEqualTo("rules-v1");
        Map<String, Object> gate = Inbox.row("SELECT decision, status, credit FROM enforcement_action "
                + "WHERE delivery_id = ?", entry.getString("deliveryId"));
        assertThat(gate).containsEntry("decision", "ALLOW").containsEntry("status", "NONE_NEEDED").containsEntry("credit", 100);
    }

    @Test
    void reopeningAPullRequestEarnsNothingNewButPassesTheGateAgain() {
        User farmer = User.human("farmer");
        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, farmer, 8, GOOD_PR_TITLE, GOOD_PR_BODY, 40, 3, 2));

        for (int round = 0; round < 3; round++) {
            deliver("pull_request", GitHubPayloads.pullRequestClosed(repo, farmer, 8, false));
            String outcome = deliver("pull_request",
                    GitHubPayloads.pullRequestReopened(repo, farmer, 8, GOOD_PR_TITLE, GOOD_PR_BODY));
            assertThat(outcome).contains("gate ALLOW").contains("already evaluated");
        }

        JsonObject contributor = contributor(farmer);
        assertThat(contributor.getInt("credit")).isEqualTo(115);
        assertThat(contributor.getJsonArray("entries")).hasSize(1);
        assertThat(Inbox.count("SELECT COUNT(*) FROM evaluation WHERE repository_id = ? AND subject_number = 8",
                repo.id())).isEqualTo(1);
        assertThat(Inbox.count("SELECT COUNT(*) FROM enforcement_action WHERE repository_id = ? AND pull_number = 8",
                repo.id())).isEqualTo(4);
    }

    @Test
    void theSamePullRequestTextSentToOtherRepositoriesCountsAgainstIt() {
        User poster = User.human("poster");
        String title = "Improve the documentation " + UUID.randomUUID();
        String body = "This pull request improves the documentation of the project in several places, "
                + "so that new contributors find their way around more easily.";
        List<Repo> repositories = List.of(repo, GitHubPayloads.newRepo("ledger-other"), GitHubPayloads.newRepo("ledger-third"));
        for (Repo target : repositories) {
            deliver("pull_request", GitHubPayloads.pullRequestOpened(target, poster, 5, title, body, 12, 1, 1));
        }

        assertThat(reasoning(repositories.get(0), 5)).doesNotContain("other repositories");
        assertThat(reasoning(repositories.get(1), 5)).doesNotContain("other repositories");
        assertThat(reasoning(repositories.get(2), 5)).contains("same text posted to 2 other repositories");
    }

    private static String reasoning(Repo repository, int number) {
        return (String) Inbox.row("SELECT reasoning FROM evaluation WHERE repository_id = ? AND subject_number = ?",
                repository.id(), number).get("reasoning");
    }

    @Test
    void contentFreeCommentCostsCredit() {
        User bob = User.human("bob");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, bob, 3, "+1"));

        JsonObject contributor = contributor(bob);
        assertThat(contributor.getInt("credit")).isEqualTo(98);
        assertThat(contributor.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("COMMENT_CREATED");
    }

    @Test
    void mergedPullRequestEarnsTheMergeBonusAndAnUnmergedCloseEarnsNothing() {
        User carol = User.human("carol");

        deliver("pull_request", GitHubPayloads.pullRequestClosed(repo, carol, 11, false));
        deliver("pull_request", GitHubPayloads.pullRequestClosed(repo, carol, 12, true));

        JsonObject contributor = contributor(carol);
        assertThat(contributor.getInt("credit")).isEqualTo(120);
        assertThat(contributor.getJsonArray("entries")).hasSize(1);
        assertThat(contributor.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("PULL_REQUEST_MERGED");
    }

    @Test
    void submittedReviewEarnsTheReviewBonusButNotOnOnesOwnPullRequest() {
        User dave = User.human("dave");
        User erin = User.human("erin");

        deliver("pull_request_review", GitHubPayloads.reviewSubmitted(repo, dave, erin, 20));
        String own = deliver("pull_request_review", GitHubPayloads.reviewSubmitted(repo, dave, dave, 21));

        assertThat(own).contains("own pull request");
        JsonObject contributor = contributor(dave);
        assertThat(contributor.getInt("credit")).isEqualTo(105);
        assertThat(contributor.getJsonArray("entries")).hasSize(1);
        assertThat(contributor.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("REVIEW_SUBMITTED");
    }

    @Test
    void spamPullRequestsCloseTheGateAndThenShadowBlacklist() {
        User spammer = User.human("spammer");

        for (int number = 1; number <= 4; number++) {
            deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, spammer, number, "Best deals", SPAM_PR_BODY,
                    3, 0, 1));
        }
        JsonObject afterFour = contributor(spammer);
        assertThat(afterFour.getInt("credit")).isZero();
        assertThat(afterFour.getBoolean("blacklisted")).isTrue();
        assertThat(afterFour.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("BLACKLISTED");
        Ledgers.assertConsistent(afterFour, 100);

        deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, spammer, 5, "Best deals", SPAM_PR_BODY, 3, 0, 1));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, spammer, 5, "Thanks for the detailed report. I can "
                + "reproduce it on 2.3: the stack trace points at Parser.readSection. A guard there would fix it."));

        assertThat(contributor(spammer).getJsonArray("entries")).hasSize(afterFour.getJsonArray("entries").size());
        var decisions = Inbox.rows("SELECT a.pull_number, a.decision, a.credit, a.threshold, a.message, "
                + "a.created_at, a.due_at FROM enforcement_action a JOIN contributor c ON c.id = a.contributor_id "
                + "WHERE c.repository_id = ? AND c.user_id = ? ORDER BY a.pull_number", repo.id(), spammer.id());
        assertThat(decisions).extracting(d -> d.get("decision"))
                .containsExactly("ALLOW", "ALLOW", "ALLOW", "CLOSE_BELOW_THRESHOLD", "SHADOW_CLOSE");
        assertThat(decisions).extracting(d -> d.get("credit")).containsExactly(100, 75, 50, 25, 0);
        assertThat((String) decisions.get(3).get("message")).contains("25").contains("50").contains("@spammer");
        String shadowMessage = (String) decisions.get(4).get("message");
        assertThat(shadowMessage).isEqualTo("Thank you for your contribution. Unfortunately, we are unable to accept "
                + "this pull request at this time.");
        long delaySeconds = java.time.Duration.between(
                ((java.sql.Timestamp) decisions.get(4).get("created_at")).toInstant(),
                ((java.sql.Timestamp) decisions.get(4).get("due_at")).toInstant()).toSeconds();
        assertThat(delaySeconds).isBetween((long) ItEnvironment.SHADOW_CLOSE_MIN_DELAY,
                (long) ItEnvironment.SHADOW_CLOSE_MAX_DELAY);
        assertThat(Inbox.row("SELECT e.status FROM evaluation e JOIN contributor c ON c.id = e.contributor_id "
                + "WHERE c.repository_id = ? AND c.user_id = ? AND e.contribution_kind = 'COMMENT'", repo.id(), spammer.id()))
                .containsEntry("status", "NOT_APPLIED");
    }

    @Test
    void unsureEvaluationWaitsInTheReviewQueueWithoutChangingCredit() {
        User frank = User.human("frank");

        String outcome = deliver("pull_request", GitHubPayloads.unsurePullRequest(repo, frank, 30));

        assertThat(outcome).contains("PENDING");
        JsonObject contributor = contributor(frank);
        assertThat(contributor.getInt("credit")).isEqualTo(100);
        assertThat(contributor.getJsonArray("entries")).isEmpty();
        assertThat(Inbox.row("SELECT e.status, e.proposed_delta, e.provider FROM evaluation e JOIN contributor c "
                + "ON c.id = e.contributor_id WHERE c.repository_id = ? AND c.user_id = ?", repo.id(), frank.id()))
                .containsEntry("status", "PENDING").containsEntry("proposed_delta", 5).containsEntry("provider", "rules");
    }

    @Test
    void botsAreNotScored() {
        User bot = User.bot("dependabot[bot]");

        String outcome = deliver("pull_request", GitHubPayloads.pullRequestOpened(repo, bot, 40, "Bump lib",
                "Bumps lib from 1.0 to 1.1.", 2, 2, 1));

        assertThat(outcome).contains("bot");
        assertThat(api.get(repo.apiPath() + "/contributors/"
                + java.net.URLEncoder.encode(bot.login(), java.nio.charset.StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void loginChangesAreFollowedByUserId() {
        User before = User.human("old-name");
        User after = new User("new-name", before.id(), "User");

        deliver("issue_comment", GitHubPayloads.issueComment(repo, before, 3, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, after, 3, "+1"));

        JsonObject contributor = contributor(after);
        assertThat(contributor.getString("login")).isEqualTo("new-name");
        assertThat(contributor.getInt("credit")).isEqualTo(96);
        assertThat(api.get(repo.apiPath() + "/contributors/old-name").statusCode()).isEqualTo(404);
    }

    private JsonObject contributor(User user) {
        return api.json(repo.apiPath() + "/contributors/" + user.login());
    }
}
