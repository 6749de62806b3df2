package it.io.meritocrab.console;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.HeadlessChromium;
import it.io.meritocrab.support.ItEnvironment;
import it.io.meritocrab.support.MeritocrabIT;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A maintainer's session in real headless Chromium: sign in, find a contributor, approve a queued
 * evaluation, adjust credit, and see the ledger and the chart change. Screenshots go to
 * target/browser-screenshots/.
 */
@Tag("browser")
class ConsoleBrowserIT extends MeritocrabIT {

    private final Repo repo = GitHubPayloads.newRepo("browser");
    private final User zoe = User.human("zoe-" + GitHubPayloads.uniqueId() % 100_000);
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInFindAContributorApproveAReviewAdjustCreditAndSeeLedgerAndChartChange() {
        deliver("issue_comment", GitHubPayloads.issueComment(repo, zoe, 1, "+1"));
        assertThat(deliver("pull_request", GitHubPayloads.unsurePullRequest(repo, zoe, 7))).contains("PENDING");
        browser = HeadlessChromium.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(base + "console/");
        wait.until(ExpectedConditions.urlContains("login.xhtml"));
        HeadlessChromium.screenshot(browser, "01-sign-in");
        browser.findElement(By.id("token")).sendKeys(ItEnvironment.ADMIN_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("index.xhtml"));
        assertThat(browser.findElement(By.className("who")).getText()).contains("local-admin");
        HeadlessChromium.screenshot(browser, "02-dashboard");

        browser.findElement(By.linkText(repo.fullName())).click();
        wait.until(ExpectedConditions.urlContains("contributors.xhtml"));
        browser.findElement(By.id("q")).sendKeys(zoe.login().substring(0, 6));
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElements(By.className("contributor-link"))).extracting(WebElement::getText)
                .contains(zoe.login());
        HeadlessChromium.screenshot(browser, "03-contributors-search");

        browser.findElement(By.linkText("Review queue")).click();
        wait.until(ExpectedConditions.urlContains("reviews.xhtml"));
        HeadlessChromium.screenshot(browser, "04-review-queue");
        WebElement approve = browser.findElement(By.cssSelector("article.review input[value='Approve +5']"));
        approve.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Approved evaluation"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains(zoe.login() + " now has 103 credit");
        assertThat(browser.findElements(By.id("queue-empty"))).hasSize(1);
        HeadlessChromium.screenshot(browser, "05-approved");

        browser.findElement(By.linkText("Contributors")).click();
        wait.until(ExpectedConditions.urlContains("contributors.xhtml"));
        browser.findElement(By.linkText(zoe.login())).click();
        wait.until(ExpectedConditions.urlContains("contributor.xhtml"));
        assertThat(browser.findElement(By.id("credit")).getText()).isEqualTo("103");
        WebElement chartBefore = browser.findElement(By.cssSelector("#chart svg"));
        assertThat(chartBefore.getDomAttribute("data-latest")).isEqualTo("103");
        int pointsBefore = Integer.parseInt(chartBefore.getDomAttribute("data-points"));
        HeadlessChromium.screenshot(browser, "06-contributor-before");

        browser.findElement(By.id("adjust:delta")).sendKeys("10");
        browser.findElement(By.id("adjust:reason")).sendKeys("great triage work");
        browser.findElement(By.id("adjust:apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "changed by +10"));

        assertThat(browser.findElement(By.id("credit")).getText()).isEqualTo("113");
        WebElement newest = browser.findElement(By.cssSelector("#ledger tbody tr"));
        assertThat(newest.getText()).contains("+10").contains("103 → 113").contains("local-admin").contains("great triage work");
        assertThat(browser.findElements(By.cssSelector("#ledger tbody tr")).get(1).getText()).contains("+5").contains("98 → 103");
        WebElement chartAfter = browser.findElement(By.cssSelector("#chart svg"));
        assertThat(chartAfter.getDomAttribute("data-latest")).isEqualTo("113");
        assertThat(Integer.parseInt(chartAfter.getDomAttribute("data-points"))).isEqualTo(pointsBefore + 1);
        HeadlessChromium.screenshot(browser, "07-contributor-after-adjust");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("credit")).getText()).as("reloading does not adjust again").isEqualTo("113");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
        HeadlessChromium.screenshot(browser, "08-contributor-phone");
    }

    @Test
    void blacklistingAsksForConfirmationAndTheKeyboardAloneGetsThere() {
        deliver("issue_comment", GitHubPayloads.issueComment(repo, zoe, 1, "+1"));
        browser = HeadlessChromium.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base + "console/login.xhtml");
        browser.findElement(By.id("token")).sendKeys(ItEnvironment.ADMIN_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("index.xhtml"));

        browser.get(base + "console/contributor.xhtml?repo=" + repo.fullName() + "&login=" + zoe.login());
        browser.findElement(By.id("blacklist")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("blacklist.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Blacklist " + zoe.login() + "?");
        HeadlessChromium.screenshot(browser, "09-blacklist-confirmation");
        browser.findElement(By.id("confirm:reason")).sendKeys("shadow spam");
        browser.findElement(By.id("confirm:yes")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("contributor.xhtml"));

        assertThat(browser.findElement(By.id("messages")).getText()).contains("is now blacklisted");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("blacklisted");
        assertThat(browser.findElement(By.cssSelector("#ledger tbody tr")).getText()).contains("blacklisted")
                .contains("local-admin").contains("shadow spam");
        HeadlessChromium.screenshot(browser, "10-blacklisted");

        browser.get(base + "console/blacklist.xhtml?repo=" + repo.fullName() + "&login=" + zoe.login());
        assertThat(browser.getPageSource()).as("a typed-in confirmation URL is refused").contains("This page has expired");
    }
}
