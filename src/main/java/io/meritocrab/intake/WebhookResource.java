package io.meritocrab.intake;

import io.meritocrab.events.WebhookEvents;
import io.meritocrab.platform.DatabaseMigration;
import io.meritocrab.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives GitHub webhooks. A delivery is answered only after it is committed to the inbox, and is
 * processed after the answer; GitHub gives up on an answer after 10 seconds.
 */
@Path("/webhooks/github")
@ApplicationScoped
public class WebhookResource {

    static final int MAX_BODY_BYTES = 25 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookResource.class.getName());
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,64}");

    @Inject
    Secrets secrets;
    @Inject
    DeliveryInbox inbox;
    @Inject
    DatabaseMigration migration;
    @Inject @ConfigProperty(name = "meritocrab.intake.commit-timeout-ms", defaultValue = "8000")
    long commitTimeoutMillis;

    private volatile SignatureVerifier verifier;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-GitHub-Event") String event,
                            @HeaderParam("X-GitHub-Delivery") String deliveryId,
                            @HeaderParam("X-Hub-Signature-256") String signature,
                            @HeaderParam("Content-Length") String contentLength,
                            InputStream body) throws IOException {
        if (declaredTooLarge(contentLength)) {
            return IntakeAnswer.tooLarge();
        }
        byte[] payload = body.readNBytes(MAX_BODY_BYTES + 1);
        if (payload.length > MAX_BODY_BYTES) {
            return IntakeAnswer.tooLarge();
        }
        SignatureVerifier signatures = verifier();
        if (signatures == null) {
            return IntakeAnswer.unavailable("the webhook secret is not configured");
        }
        if (!signatures.verify(payload, signature)) {
            return IntakeAnswer.unauthorized();
        }
        if (event == null || !EVENT_NAME.matcher(event).matches()) {
            return IntakeAnswer.badRequest("missing or invalid X-GitHub-Event header");
        }
        if (deliveryId == null || !DELIVERY_ID.matcher(deliveryId).matches()) {
            return IntakeAnswer.badRequest("missing or invalid X-GitHub-Delivery header");
        }
        PayloadSummary summary;
        try {
            summary = PayloadSummaryReader.read(payload);
        } catch (MalformedPayloadException e) {
            return IntakeAnswer.badRequest(e.getMessage());
        }
        if (WebhookEvents.PING.equals(event)) {
            return IntakeAnswer.ok("pong", deliveryId);
        }
        if (!WebhookEvents.processed(event)) {
            return IntakeAnswer.ok("ignored", deliveryId);
        }
        if (!migration.migrated()) {
            return IntakeAnswer.unavailable("the database is not ready");
        }
        return store(new IncomingDelivery(deliveryId, event, summary, payload, Instant.now()));
    }

    private Response store(IncomingDelivery delivery) {
        try {
            Acceptance acceptance = inbox.submit(delivery).get(commitTimeoutMillis, TimeUnit.MILLISECONDS);
            return acceptance == Acceptance.ACCEPTED
                    ? IntakeAnswer.accepted(delivery.deliveryId())
                    : IntakeAnswer.ok("duplicate", delivery.deliveryId());
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "delivery=" + delivery.deliveryId() + " could not be stored", e);
            return IntakeAnswer.unavailable("the delivery could not be stored; please redeliver it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IntakeAnswer.unavailable("the server is stopping; please redeliver");
        }
    }

    private static boolean declaredTooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private SignatureVerifier verifier() {
        SignatureVerifier current = verifier;
        if (current == null && secrets.webhookSecret().isPresent()) {
            current = new SignatureVerifier(secrets.webhookSecret().get());
            verifier = current;
        }
        return current;
    }
}
