package it.io.meritocrab.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on Payara Micro, started as a user starts it: with src/main/payara/run.sh and the
 * integration tests' settings (ItEnvironment) as its environment. Selected by the failsafe execution
 * `payara-tests` (meritocrab.it.runtime=payara); its output goes to payara.log in its home directory.
 */
public final class PayaraMicro {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process process;

    private PayaraMicro() {
    }

    public static boolean selected() {
        return "payara".equals(System.getProperty("meritocrab.it.runtime"));
    }

    /** Where run.sh keeps the server's data (H2 file, generated secrets) and Payara's runtime directory. */
    public static Path home() {
        return Path.of(System.getProperty("meritocrab.it.payara.home"));
    }

    public static int httpPort() {
        return Integer.parseInt(System.getProperty("meritocrab.it.http.port"));
    }

    public static URL base() {
        try {
            return new URL("http://localhost:" + httpPort() + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server unless it runs, and returns once it is ready (/health/ready answers 200). */
    public static synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(home());
            ProcessBuilder builder = new ProcessBuilder("sh", Path.of("src/main/payara/run.sh").toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(ItEnvironment.serverSettings());
            env.put("MERITOCRAB_HTTPS_PORT", String.valueOf(httpPort() + 1));
            env.put("MERITOCRAB_PAYARA_HOME", home().toString());
            env.put("MERITOCRAB_WAR", System.getProperty("meritocrab.it.war"));
            env.put("JAVA_OPTS", "-Xmx512m");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(PayaraMicro::stop));
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log());
            }
            return ready();
        });
    }

    /** Stops the server as an orchestrator does (SIGTERM) and waits for its graceful shutdown. */
    public static synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Path log() {
        return home().resolve("payara.log");
    }

    private static boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "health/ready"))
                    .timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
