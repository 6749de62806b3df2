package io.meritocrab.github;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/** A GitHub answer read in full: status, body, and the headers for pagination and rate limits. */
public record GitHubAnswer(int status, String body, String link, String retryAfter, String rateLimitRemaining,
                    String rateLimitReset) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new GitHubException("GitHub answered " + status + " with a body that is not a JSON object", false, e);
        }
    }

    JsonArray jsonArray() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            throw new GitHubException("GitHub answered " + status + " with a body that is not a JSON array", false, e);
        }
    }

    /** The `next` page's URL from a `Link` header, if there is one. */
    Optional<String> nextPage() {
        if (link == null) {
            return Optional.empty();
        }
        for (String part : link.split(",")) {
            if (part.contains("rel=\"next\"")) {
                int start = part.indexOf('<');
                int end = part.indexOf('>');
                if (start >= 0 && end > start) {
                    return Optional.of(part.substring(start + 1, end));
                }
            }
        }
        return Optional.empty();
    }
}
