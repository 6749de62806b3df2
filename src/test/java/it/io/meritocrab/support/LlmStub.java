package it.io.meritocrab.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WireMock playing the LLM providers for the integration tests of the `llm` profile (their own failsafe
 * execution and Liberty server). The server's environment names Anthropic at the stub; a test switches
 * the provider, base URL or daily cap through Liberty's dynamic configuration (a `<variable>` in
 * configDropins/overrides, which outranks the environment) and waits until the server has applied it.
 */
public final class LlmStub {

    public static final String API_KEY = "it-llm-key";
    public static final String MODEL = "it-model";
    public static final int TIMEOUT_MS = 1500;
    public static final int MAX_CONCURRENT_CALLS = 3;
    public static final int MODEL_WORKERS = 8;
    public static final int CIRCUIT_REQUEST_VOLUME = 6;
    public static final int CIRCUIT_DELAY_MS = 3000;

    private static WireMockServer wireMock;
    private static Path serverDir;

    private LlmStub() {
    }

    static boolean profileSelected() {
        return "llm".equals(System.getProperty("meritocrab.it.profile"));
    }

    /** Starts WireMock and returns the server environment that points the LLM settings at it. */
    static Map<String, String> start(Path liberty) throws IOException {
        wireMock = new WireMockServer(options().dynamicPort().containerThreads(64).jettyAcceptors(2));
        wireMock.start();
        serverDir = liberty;
        Files.createDirectories(overrides().getParent());
        Files.deleteIfExists(overrides());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MERITOCRAB_LLM_PROVIDER", "anthropic");
        env.put("MERITOCRAB_LLM_BASE_URL", baseUrl());
        env.put("MERITOCRAB_LLM_API_KEY", API_KEY);
        env.put("MERITOCRAB_LLM_MODEL", MODEL);
        env.put("MERITOCRAB_LLM_TIMEOUT_MS", String.valueOf(TIMEOUT_MS));
        env.put("MERITOCRAB_LLM_RETRY_DELAY_MS", "100");
        env.put("MERITOCRAB_LLM_MAX_CONCURRENT_CALLS", String.valueOf(MAX_CONCURRENT_CALLS));
        env.put("MERITOCRAB_LLM_WORKERS", String.valueOf(MODEL_WORKERS));
        env.put("MERITOCRAB_LLM_CIRCUIT_REQUEST_VOLUME", String.valueOf(CIRCUIT_REQUEST_VOLUME));
        env.put("MERITOCRAB_LLM_CIRCUIT_FAILURE_RATIO", "1.0");
        env.put("MERITOCRAB_LLM_CIRCUIT_DELAY_MS", String.valueOf(CIRCUIT_DELAY_MS));
        return env;
    }

    public static WireMockServer wireMock() {
        if (wireMock == null) {
            throw new IllegalStateException("the LLM stub runs only in the llm integration tests");
        }
        return wireMock;
    }

    public static String baseUrl() {
        return "http://localhost:" + wireMock().port();
    }

    /**
     * Sets LLM settings on the running server (e.g. {@code meritocrab.llm.provider}); an empty map goes
     * back to the environment's. Returns once Liberty has applied the configuration.
     */
    public static void configure(Map<String, String> settings) {
        StringBuilder xml = new StringBuilder("<server>\n");
        settings.forEach((key, value) -> xml.append("    <variable name=\"").append(key).append("\" value=\"")
                .append(value).append("\"/>\n"));
        xml.append("</server>\n");
        try {
            if (Files.exists(overrides()) && Files.readString(overrides()).contentEquals(xml)) {
                return;
            }
            int updates = configurationUpdates();
            Files.writeString(overrides(), xml, StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> configurationUpdates() > updates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path overrides() {
        return serverDir.resolve("configDropins/overrides/llm-it.xml");
    }

    /** Liberty logs CWWKG0017I (updated) or CWWKG0018I (nothing changed) after each configuration scan. */
    private static int configurationUpdates() throws IOException {
        Path log = serverDir.resolve("logs/messages.log");
        if (!Files.exists(log)) {
            return 0;
        }
        int count = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("CWWKG0017I") || line.contains("CWWKG0018I")) {
                count++;
            }
        }
        return count;
    }
}
