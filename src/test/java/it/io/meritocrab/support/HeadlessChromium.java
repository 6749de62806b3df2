package it.io.meritocrab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver for the browser tests (no download: the network is
 * closed). Without them the browser tests are skipped, unless MERITOCRAB_BROWSER_TESTS=required (CI).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MERITOCRAB_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("MERITOCRAB_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private HeadlessChromium() {
    }

    public static ChromeDriver start(int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("MERITOCRAB_BROWSER_TESTS"))) {
            throw new IllegalStateException("the browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
        try {
            Path profile = Files.createTempDirectory("meritocrab-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a screenshot under target/browser-screenshots/. */
    /** The page as the browser has it now, next to the screenshots: what a failed wait saw. */
    public static Path pageSource(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".html");
            Files.writeString(file, driver.getCurrentUrl() + "\n" + driver.getPageSource());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
