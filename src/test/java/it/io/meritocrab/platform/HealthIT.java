package it.io.meritocrab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.io.meritocrab.support.AdminApi;
import it.io.meritocrab.support.MeritocrabIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** MicroProfile Health on PostgreSQL: ready means reachable and migrated. */
class HealthIT extends MeritocrabIT {

    @Test
    void readinessReportsTheMigratedDatabase() throws Exception {
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject check = AdminApi.parse(ready.body()).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertThat(check.getJsonObject("data").getBoolean("migrated")).isTrue();
        assertThat(check.getJsonObject("data").getBoolean("reachable")).isTrue();
    }

    @Test
    void aValidConfigurationIsUpInReadinessAndLiveness() throws Exception {
        for (String path : new String[] {"/health/ready", "/health/live"}) {
            JsonObject check = AdminApi.parse(get(path).body()).getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject).filter(c -> c.getString("name").equals("configuration"))
                    .findFirst().orElseThrow();
            assertThat(check.getString("status")).as(path).isEqualTo("UP");
        }
    }

    @Test
    void livenessReportsTheDeliveryWorkers() throws Exception {
        HttpResponse<String> live = get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("delivery-workers").contains("UP");
    }

    private HttpResponse<String> get(String path) throws Exception {
        // Health endpoints live at the server root, whatever the application's context root.
        URI uri = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
