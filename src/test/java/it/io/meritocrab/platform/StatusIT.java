package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.GitHubPayloads;
import it.io.meritocrab.support.GitHubPayloads.Repo;
import it.io.meritocrab.support.GitHubStub;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** `GET /api/status` and the `server` health check: what the original's health answer told, and more. */
class StatusIT extends MeritocrabIT {

    @Test
    void statusShowsBuildUptimeDatabaseMigrationsLlmAndTheApp() {
        Repo repo = GitHubPayloads.newRepo("status");
        long installation = 770_000 + repo.id() % 100_000;
        deliver("installation", GitHubPayloads.installation("created", installation, "status-org", repo));

        JsonObject status = api.json("/api/status");

        assertThat(status.getString("version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(status.getString("gitSha")).isNotBlank();
        assertThat(status.getString("buildTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(status.getJsonNumber("uptimeSeconds").longValue()).isPositive();
        JsonObject database = status.getJsonObject("database");
        assertThat(database.getBoolean("reachable")).isTrue();
        assertThat(database.getBoolean("migrated")).isTrue();
        assertThat(database.getString("product")).startsWith("PostgreSQL");
        assertThat(database.getJsonArray("migrationsApplied").getValuesAs(JsonString::getString))
                .startsWith("1: ledger and inbox").contains("20: llm evaluations");
        assertThat(status.getJsonObject("llm").getString("provider")).isEqualTo("rules");
        assertThat(status.getJsonObject("llm").get("answeredRecently")).isIn(null, JsonValue.NULL);
        JsonObject app = status.getJsonObject("gitHubApp");
        assertThat(app.getString("appId")).isEqualTo(GitHubStub.APP_ID);
        assertThat(app.getBoolean("configured")).isTrue();
        assertThat(app.getJsonNumber("installationsServed").longValue()).isPositive();
        assertThat(app.getJsonNumber("repositoriesServed").longValue()).isPositive();
    }

    @Test
    void statusNeedsTheAdminToken() {
        assertThat(api.getWithToken("/api/status", "not-the-token").statusCode()).isEqualTo(401);
    }

    @Test
    void theServerHealthCheckCarriesVersionUptimeDatabaseAndProvider() throws Exception {
        URI uri = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonObject check = AdminApi.parse(ready.body()).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("server")).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        JsonObject data = check.getJsonObject("data");
        assertThat(data.getString("version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(data.getJsonNumber("uptimeSeconds").longValue()).isPositive();
        assertThat(data.getString("database")).startsWith("PostgreSQL");
        assertThat(data.getJsonNumber("migrationsApplied").intValue()).isGreaterThanOrEqualTo(5);
        assertThat(data.getString("llmProvider")).isEqualTo("rules");
        assertThat(data.getString("appId")).isEqualTo(GitHubStub.APP_ID);
    }
}
