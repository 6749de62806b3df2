package it.io.meritocrab.appeals;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.ConsoleSession;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.HeadlessChromium;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A contributor and a maintainer in real headless Chromium, both signing in through GitHub's OAuth flow
 * (GitHub's side played by WireMock): the contributor opens `/me`, sees the entry that cost credit and
 * appeals it; the maintainer finds the appeal in the review queue and reverses it; the contributor sees
 * the credit given back. Screenshots go to target/browser-screenshots/.
 */
@Tag("browser")
class AppealsBrowserIT extends MeritocrabIT {

    private final Repo repo = GitHubPayloads.newRepo("appeal-browser");
    private final User carol = User.human("carol-" + GitHubPayloads.uniqueId() % 100_000);
    private final String maintainer = "maint-" + GitHubPayloads.uniqueId() % 100_000;
    private ChromeDriver contributorBrowser;
    private ChromeDriver maintainerBrowser;

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver browser : new ChromeDriver[] {contributorBrowser, maintainerBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void aContributorAppealsOnTheirPageAndTheMaintainerReversesIt() {
        ItEnvironment.github().server().stubFor(get(urlPathEqualTo("/repos/" + repo.fullName() + "/collaborators/"
                + maintainer + "/permission")).willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"maintain\"}")));
        deliver("issue_comment", GitHubPayloads.issueComment(repo, carol, 1, "+1"));

        contributorBrowser = HeadlessChromium.start(1280, 900);
        signInThroughGitHub(contributorBrowser, base + "me", carol.login(), carol.id());
        WebDriverWait wait = new WebDriverWait(contributorBrowser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.urlContains("me.xhtml"));
        assertThat(contributorBrowser.findElement(By.cssSelector("section.standing h2")).getText()).isEqualTo(repo.fullName());
        assertThat(contributorBrowser.findElement(By.cssSelector("section.standing dd.credit")).getText()).isEqualTo("98");
        HeadlessChromium.screenshot(contributorBrowser, "appeal-01-own-page");

        contributorBrowser.findElement(By.cssSelector("form.appeal summary")).click();
        contributorBrowser.findElement(By.cssSelector("form.appeal textarea"))
                .sendKeys("My +1 confirmed the bug on another platform; see https://example.org/log");
        HeadlessChromium.screenshot(contributorBrowser, "appeal-02-asking");
        contributorBrowser.findElement(By.cssSelector("form.appeal input[type=submit]")).click();
        try {
            // Longer than the other waits: the one failure seen so far may have been a slow answer.
            new WebDriverWait(contributorBrowser, Duration.ofSeconds(45)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "look at this change again"));
        } catch (TimeoutException notSent) {
            // Failed once in a full run and never alone: keep what the browser showed for the next look.
            HeadlessChromium.screenshot(contributorBrowser, "appeal-03-not-sent");
            HeadlessChromium.pageSource(contributorBrowser, "appeal-03-not-sent");
            throw notSent;
        }
        assertThat(contributorBrowser.findElement(By.className("appeal-status")).getText()).contains("no answer yet");
        HeadlessChromium.screenshot(contributorBrowser, "appeal-03-sent");

        maintainerBrowser = HeadlessChromium.start(1280, 900);
        signInThroughGitHub(maintainerBrowser, base + "login/github", maintainer, GitHubPayloads.uniqueId());
        WebDriverWait maintainerWait = new WebDriverWait(maintainerBrowser, Duration.ofSeconds(15));
        maintainerWait.until(ExpectedConditions.urlContains("index.xhtml"));
        maintainerBrowser.get(base + "console/reviews.xhtml?repo=" + repo.fullName());
        assertThat(maintainerBrowser.findElement(By.cssSelector("article.appeal pre.appeal-text")).getText())
                .contains("confirmed the bug");
        assertThat(maintainerBrowser.findElements(By.cssSelector("article.appeal pre.appeal-text a"))).isEmpty();
        HeadlessChromium.screenshot(maintainerBrowser, "appeal-04-review-queue");
        maintainerBrowser.findElement(By.cssSelector("article.appeal input[type=text]")).sendKeys("fair: it helped");
        maintainerBrowser.findElement(By.cssSelector("article.appeal input[value^='Reverse']")).click();
        maintainerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "reversed"));
        assertThat(maintainerBrowser.findElements(By.id("appeals-empty"))).hasSize(1);
        HeadlessChromium.screenshot(maintainerBrowser, "appeal-05-reversed");

        contributorBrowser.get(base + "me");
        wait.until(ExpectedConditions.urlContains("me.xhtml"));
        assertThat(contributorBrowser.findElement(By.cssSelector("section.standing dd.credit")).getText()).isEqualTo("100");
        assertThat(contributorBrowser.findElement(By.className("appeal-status")).getText()).contains("gave the credit back");
        HeadlessChromium.screenshot(contributorBrowser, "appeal-06-given-back");
    }

    /**
     * Starts at {@code start}, which sends the browser to GitHub's authorize page (WireMock: nothing
     * there), then comes back as GitHub would, with a code for this account and the state it was given.
     */
    private void signInThroughGitHub(ChromeDriver browser, String start, String login, long userId) {
        browser.get(start);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login/oauth/authorize"));
        String state = ConsoleSession.query(URI.create(browser.getCurrentUrl())).get("state");
        String code = "code-" + UUID.randomUUID();
        ConsoleSession.stubGitHubUser(code, "gho_" + UUID.randomUUID().toString().replace("-", ""), login, userId);
        browser.get(base + "login/github/callback?code=" + code + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }
}
