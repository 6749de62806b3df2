package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.ExtraServer;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.User;
import it.io.meritocrab.support.GitHubWebhooks;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server started with a database it cannot reach, a damaged GitHub App key and an unknown LLM
 * provider, logging in JSON: it never becomes ready, refuses webhooks, says in one message which
 * settings are wrong, and none of the secrets it was given reaches its logs.
 */
class MisconfiguredServerIT {

    private static final String WEBHOOK_SECRET = "misconfigured-webhook-secret-5d1f0c";
    private static final String ADMIN_TOKEN = "misconfigured-admin-token-9a7e44";
    private static final String DB_PASSWORD = "misconfigured-db-password-31b8f2";
    private static final String KEY_BODY = "MIIEowIBAAKCAQEAr3Xc9d0mSecretKeyMaterialThatIsDamaged0123456789abcdefABCDEF";
    private static final String LLM_API_KEY = "sk-misconfigured-llm-key-77c2aa";

    private static ExtraServer server;

    @BeforeAll
    static void startMisconfigured() throws Exception {
        server = ExtraServer.create("meritocrab-misconfigured", 0, Map.of(
                // Nothing listens on port 9 (discard) here: the database cannot be reached.
                "MERITOCRAB_DB_URL", "jdbc:postgresql://localhost:9/meritocrab",
                "MERITOCRAB_DB_USER", "meritocrab",
                "MERITOCRAB_DB_PASSWORD", DB_PASSWORD,
                "MERITOCRAB_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "MERITOCRAB_ADMIN_TOKEN", ADMIN_TOKEN,
                "MERITOCRAB_GITHUB_APP_ID", "12345",
                "MERITOCRAB_GITHUB_PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\\n" + KEY_BODY
                        + "\\n-----END RSA PRIVATE KEY-----",
                "MERITOCRAB_LLM_PROVIDER", "gpt-9000",
                "MERITOCRAB_LLM_API_KEY", LLM_API_KEY,
                "MERITOCRAB_LOG_FORMAT", "JSON"));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void neverReadyAndRefusesWebhooks() throws Exception {
        URL base = new URL(server.baseUrl());
        AdminApi api = new AdminApi(base, ADMIN_TOKEN);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/health/ready").statusCode()).isEqualTo(503);
            Thread.sleep(1000);
        }
        assertThat(api.get("/health/live").statusCode()).isEqualTo(503);
        HttpResponse<String> webhook = new GitHubWebhooks(new URL(server.appUrl()), WEBHOOK_SECRET).send("issue_comment",
                GitHubPayloads.issueComment(GitHubPayloads.newRepo("misconfigured"), User.human("x"), 1, "+1"));
        assertThat(webhook.statusCode()).isEqualTo(503);
        assertThat(api.get("/health/ready").body()).contains("MERITOCRAB_LLM_PROVIDER");
    }

    @Test
    void oneJsonMessageNamesEveryBadSettingAndNoSecretIsLogged() throws Exception {
        List<String> lines = server.messagesLog().lines().filter(line -> !line.isBlank()).toList();
        List<String> verdicts = lines.stream().filter(line -> line.contains("will not serve")).toList();

        assertThat(verdicts).hasSize(1);
        String message = Json.createReader(new StringReader(verdicts.get(0))).readObject().getString("message");
        assertThat(message).contains("MERITOCRAB_DB_URL", "MERITOCRAB_GITHUB_PRIVATE_KEY", "MERITOCRAB_LLM_PROVIDER")
                .doesNotContain("gpt-9000");
        // Liberty switches to JSON once it has read its configuration; every line from then on is JSON.
        List<String> afterSwitch = lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("{"))
                .findFirst().orElseThrow()), lines.size());
        assertThat(afterSwitch).hasSizeGreaterThan(10)
                .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(server.allLogs()).doesNotContain(WEBHOOK_SECRET, ADMIN_TOKEN, DB_PASSWORD, KEY_BODY.substring(0, 40),
                LLM_API_KEY);
    }
}
