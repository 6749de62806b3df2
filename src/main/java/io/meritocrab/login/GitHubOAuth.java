package io.meritocrab.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GitHub's OAuth web flow as far as the server takes part in it: the authorize address, exchanging the
 * code for a user token, and asking GitHub whose token it is. The token is used once and not kept.
 */
@ApplicationScoped
public class GitHubOAuth {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    LoginSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Thrown when GitHub does not confirm the login; the message is safe to show. */
    public static class LoginFailed extends Exception {
        LoginFailed(String message) {
            super(message);
        }
    }

    String authorizeUrl(String redirectUri, String state) {
        return settings.webUrl() + "/login/oauth/authorize?client_id=" + encode(settings.clientId().orElseThrow())
                + "&redirect_uri=" + encode(redirectUri) + "&state=" + encode(state) + "&allow_signup=false";
    }

    /** Who signed in: a GitHub account's login and user id. */
    record Account(String login, long userId) {
    }

    /** The GitHub account of the user who granted the code. */
    Account accountFor(String code, String redirectUri) throws LoginFailed {
        String form = "client_id=" + encode(settings.clientId().orElseThrow())
                + "&client_secret=" + encode(settings.clientSecret().orElseThrow())
                + "&code=" + encode(code) + "&redirect_uri=" + encode(redirectUri);
        JsonObject token = call(HttpRequest.newBuilder(URI.create(settings.webUrl() + "/login/oauth/access_token"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "the code exchange");
        String accessToken = string(token, "access_token");
        if (accessToken == null) {
            String error = string(token, "error");
            throw new LoginFailed("GitHub refused the login" + (error == null ? "" : " (" + error + ")"));
        }
        JsonObject user = call(HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/user"))
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + accessToken)
                .GET(), "the user lookup");
        String login = string(user, "login");
        if (login == null || login.isBlank() || !(user.get("id") instanceof JsonNumber id) || !id.isIntegral()
                || id.bigIntegerValue().bitLength() > 63 || id.longValue() <= 0) {
            throw new LoginFailed("GitHub did not say who logged in");
        }
        return new Account(login, id.longValue());
    }

    private JsonObject call(HttpRequest.Builder request, String what) throws LoginFailed {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LoginFailed("GitHub answered " + response.statusCode() + " to " + what);
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonValue value = reader.readValue();
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new LoginFailed("GitHub's answer to " + what + " was not understood");
                }
                return value.asJsonObject();
            }
        } catch (IOException | jakarta.json.JsonException e) {
            throw new LoginFailed("GitHub could not be reached for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailed("interrupted during " + what);
        }
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString text ? text.getString() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
