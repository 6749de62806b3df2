package it.io.meritocrab.support;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends webhooks to the server the way GitHub does: raw JSON body, event and delivery headers, HMAC. */
public final class GitHubWebhooks {

    private final URI endpoint;
    private final String secret;

    public GitHubWebhooks(URL base, String secret) {
        this.endpoint = URI.create(base.toString().replaceAll("/$", "") + "/webhooks/github");
        this.secret = secret;
    }

    public static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    public HttpResponse<String> send(String event, String json) {
        return send(event, newDeliveryId(), json);
    }

    public HttpResponse<String> send(String event, String deliveryId, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(HttpRequest.newBuilder(endpoint)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", sign(body, secret))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/it")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        return post(request);
    }

    public URI endpoint() {
        return endpoint;
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(HttpRequest.Builder request) {
        return Http.send(request);
    }
}
