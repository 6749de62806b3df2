package it.io.meritocrab.standing;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.MeritocrabIT;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contributor's own page: any GitHub user signs in through the same OAuth flow as maintainers (GitHub
 * played by WireMock) and sees, by their account's id, only their own ledgers; another login is "not
 * found", the maintainer console stays closed to them, and a sanction shows nowhere on the page.
 */
class OwnPageIT extends MeritocrabIT {

    private final Repo first = GitHubPayloads.newRepo("own-a");
    private final Repo second = GitHubPayloads.newRepo("own-b");
    private final Repo elsewhere = GitHubPayloads.newRepo("own-c");
    private User carol;
    private User dave;
    private ConsoleSession browser;

    @BeforeEach
    void twoContributorsWithLedgers() {
        carol = User.human("carol-" + GitHubPayloads.uniqueId());
        dave = User.human("dave-" + GitHubPayloads.uniqueId());
        deliver("issue_comment", GitHubPayloads.issueComment(first, carol, 1, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(second, carol, 2,
                "I reproduced this on Linux with the 2.3 build; the parser drops the last line of the file."));
        deliver("issue_comment", GitHubPayloads.issueComment(first, dave, 3, "+1"));
        deliver("issue_comment", GitHubPayloads.issueComment(elsewhere, dave, 4, "+1"));
        browser = new ConsoleSession(base);
    }

    @Test
    void meStartsAGitHubSignInThatComesBackToTheOwnPage() {
        HttpResponse<String> anonymous = browser.get("/me");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login/github?to=me");

        HttpResponse<String> signedIn = browser.signInWithGitHub(carol.login(), carol.id(), "/login/github?to=me");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/me.xhtml");
        HttpResponse<String> me = browser.get("/me");
        assertThat(me.statusCode()).isEqualTo(302);
        assertThat(me.headers().firstValue("Location").orElseThrow()).endsWith("/console/me.xhtml");
        assertThat(browser.follow(me).statusCode()).isEqualTo(200);
    }

    @Test
    void theOwnPageShowsEachRepositoryOfTheAccountAndNothingOfAnyoneElse() {
        signIn(carol);

        String page = ownPage();

        assertThat(page).contains(first.fullName()).contains(second.fullName()).doesNotContain(elsewhere.fullName())
                .doesNotContain(dave.login());
        assertThat(section(page, first)).contains("class=\"credit\">98<").contains("class=\"threshold\">50<")
                .contains("Comment").contains("-2")
                .contains("Your credit is enough to open pull requests here.")
                .contains("What earns credit here").contains("A merged pull request");
        assertThat(section(page, second)).contains("class=\"credit\">10");
    }

    @Test
    void anotherLoginInTheUrlIsNotFound() {
        signIn(carol);

        for (String path : List.of("/me/" + dave.login(), "/me?login=" + dave.login(),
                "/console/me.xhtml?login=" + dave.login())) {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain(dave.login()).doesNotContain(elsewhere.fullName());
        }
        HttpResponse<String> own = browser.get("/me/" + carol.login().toUpperCase(Locale.ROOT));
        assertThat(own.headers().firstValue("Location").orElseThrow()).endsWith("/console/me.xhtml");
        assertThat(browser.get("/console/me.xhtml?login=" + carol.login()).statusCode()).isEqualTo(200);
    }

    @Test
    void theMaintainerConsoleStillRefusesAContributor() {
        signIn(carol);

        assertThat(browser.get("/console/index.xhtml").body()).doesNotContain(first.fullName());
        for (String path : List.of("/console/contributors.xhtml?repo=" + first.fullName(),
                "/console/contributor.xhtml?repo=" + first.fullName() + "&login=" + carol.login(),
                "/console/reviews.xhtml?repo=" + first.fullName(), first.apiPath() + "/contributors")) {
            assertThat(browser.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theLedgersAreFoundByAccountIdSoARenameKeepsThemAndAReusedLoginGetsNone() {
        ConsoleSession renamed = new ConsoleSession(base);
        renamed.signInWithGitHub("carol-renamed-" + GitHubPayloads.uniqueId(), carol.id(), "/login/github?to=me");
        ConsoleSession newcomer = new ConsoleSession(base);
        newcomer.signInWithGitHub(carol.login(), GitHubPayloads.uniqueId(), "/login/github?to=me");

        assertThat(renamed.get("/console/me.xhtml").body()).contains(first.fullName()).contains(second.fullName());
        String fresh = newcomer.get("/console/me.xhtml").body();
        assertThat(fresh).contains("id=\"no-ledger\"").doesNotContain(first.fullName());
    }

    @Test
    void aSanctionChangesNothingOnThePageAndAReasonNamingItIsWithheld() {
        signIn(carol);
        String before = section(ownPage(), first);

        assertThat(api.post(first.apiPath() + "/contributors/" + carol.login() + "/blacklist",
                "{\"blacklisted\": true, \"reason\": \"sock puppet\"}").statusCode()).isEqualTo(200);
        String sanctioned = section(ownPage(), first);
        assertThat(sanctioned).isEqualTo(before);

        assertThat(api.post(first.apiPath() + "/contributors/" + carol.login() + "/adjust",
                "{\"delta\": -60, \"reason\": \"blacklisted for sock puppetry\"}").statusCode()).isEqualTo(200);
        String page = ownPage();
        assertThat(section(page, first)).contains("class=\"credit\">38<").contains("Changed by a maintainer")
                .contains("(no reason shown)")
                .contains("pull requests you open here are closed until it reaches 50");
        assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("blacklist").doesNotContain("shadow")
                .doesNotContain("sock puppet").doesNotContain("sanction");
    }

    private void signIn(User user) {
        assertThat(browser.signInWithGitHub(user.login(), user.id(), "/login/github?to=me").statusCode()).isEqualTo(302);
    }

    private String ownPage() {
        HttpResponse<String> page = browser.get("/console/me.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The card of one repository on the own page, without the Faces view state (new on every page). */
    private static String section(String page, Repo repo) {
        int start = page.indexOf("<section class=\"card standing\" aria-labelledby=\"repo-" + repo.fullName().replace("/", "--"));
        assertThat(start).as("a card for " + repo.fullName()).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start))
                .replaceAll("<input type=\"hidden\" name=\"jakarta.faces.ViewState\"[^>]*>", "");
    }
}
