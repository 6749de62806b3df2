package io.meritocrab.intake;

import io.meritocrab.inbox.Acceptance;
import io.meritocrab.inbox.DeliveryInbox;
import io.meritocrab.inbox.IncomingDelivery;
import io.meritocrab.inbox.IntakeSettings;
import io.meritocrab.inbox.MalformedPayloadException;
import io.meritocrab.inbox.PayloadSummary;
import io.meritocrab.inbox.WebhookEvents;
import io.meritocrab.metrics.DeliveryMetrics;
import io.meritocrab.platform.Secrets;
import io.meritocrab.ratelimit.RateLimits;
import io.meritocrab.startup.DatabaseMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Receives GitHub webhooks. A delivery is answered only after it is committed to the inbox, and is
 * processed after the answer; GitHub gives up on an answer after 10 seconds. The request thread does
 * not wait for the commit: the answer is resumed by the inbox, so a few threads serve many connections.
 * Anyone can reach this endpoint, so a body is read only with a well-formed signature header, in
 * chunks as it arrives (HMAC computed on the way), within the {@link BodyBudget} and a deadline.
 */
@Path("/webhooks/github")
@ApplicationScoped
public class WebhookResource {

    static final int MAX_BODY_BYTES = 25 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookResource.class.getName());
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,64}");

    @Inject
    IntakeSettings intakeSettings;
    @Inject
    Secrets secrets;
    @Inject
    DeliveryInbox inbox;
    @Inject
    DatabaseMigration migration;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    RateLimits rateLimits;
    @Inject
    BodyBudget budget;

    private volatile SignatureVerifier verifier;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void receive(@HeaderParam("X-GitHub-Event") String event,
                        @HeaderParam("X-GitHub-Delivery") String deliveryId,
                        @HeaderParam("X-Hub-Signature-256") String signature,
                        @HeaderParam("Content-Length") String contentLength,
                        @HeaderParam("X-Forwarded-For") String forwardedFor,
                        @Context HttpServletRequest request,
                        InputStream body,
                        @Suspended AsyncResponse answer) {
        long declaredLength = declaredLength(contentLength);
        if (declaredLength > MAX_BODY_BYTES) {
            refuse(event, IntakeAnswer.tooLarge(), answer);
            return;
        }
        SignatureVerifier signatures = verifier();
        if (signatures == null) {
            refuse(event, IntakeAnswer.unavailable("the webhook secret is not configured"), answer);
            return;
        }
        String remoteAddress = request.getRemoteAddr();
        if (!SignatureVerifier.wellFormed(signature)) {
            // Nothing can make this request authentic: its body is not worth reading.
            refuse(event, unsigned(remoteAddress, forwardedFor), answer);
            return;
        }
        BodyBudget.Reservation reservation = budget.open(rateLimits.clientAddress(remoteAddress, forwardedFor));
        try {
            WebhookBody.Read read;
            try {
                read = WebhookBody.read(body, declaredLength, MAX_BODY_BYTES, signatures.newMac(), reservation,
                        System.nanoTime() + intakeSettings.bodyTimeout().toNanos());
            } catch (IOException e) {
                // The client went away, or sent nothing for the HTTP server's read timeout.
                refuse(event, IntakeAnswer.tooSlow(intakeSettings.bodyTimeout()), answer);
                return;
            }
            Response refusal = switch (read.ending()) {
                case COMPLETE -> refusal(event, deliveryId, signatures.matches(read.digest(), signature),
                        remoteAddress, forwardedFor);
                case TOO_LARGE -> IntakeAnswer.tooLarge();
                case TOO_SLOW -> IntakeAnswer.tooSlow(intakeSettings.bodyTimeout());
                case OVER_BUDGET -> IntakeAnswer.unavailable("too many webhook bodies are arriving at once; "
                        + "please redeliver");
            };
            if (refusal != null) {
                refuse(event, refusal, answer);
                return;
            }
            accept(event, deliveryId, read.payload(), reservation, answer);
            reservation = null;
        } finally {
            if (reservation != null) {
                reservation.close();
            }
        }
    }

    /** Answers an authentic delivery; the reservation is handed back once the payload is no longer held. */
    private void accept(String event, String deliveryId, byte[] payload, BodyBudget.Reservation reservation,
                        AsyncResponse answer) {
        PayloadSummary summary;
        try {
            summary = PayloadSummaryReader.read(payload);
        } catch (MalformedPayloadException e) {
            reservation.close();
            refuse(event, IntakeAnswer.badRequest(e.getMessage()), answer);
            return;
        }
        if (!migration.migrated()) {
            reservation.close();
            metrics.webhook(event, "unavailable");
            answer.resume(IntakeAnswer.unavailable("the server is not ready; see its log"));
        } else if (WebhookEvents.PING.equals(event)) {
            reservation.close();
            metrics.webhook(event, "ignored");
            answer.resume(IntakeAnswer.ok("pong", deliveryId));
        } else if (!WebhookEvents.processed(event)) {
            reservation.close();
            metrics.webhook(event, "ignored");
            answer.resume(IntakeAnswer.ok("ignored", deliveryId));
        } else {
            store(new IncomingDelivery(deliveryId, event, summary, payload, Instant.now()), reservation, answer);
        }
    }

    private void refuse(String event, Response refusal, AsyncResponse answer) {
        metrics.webhook(event, refusal.getStatus() == 503 ? "unavailable" : "rejected");
        answer.resume(refusal);
    }

    /** 401 for a request that is not signed by GitHub, or 429 when its address sent too many. */
    private Response unsigned(String remoteAddress, String forwardedFor) {
        return rateLimits.unsignedWebhook(remoteAddress, forwardedFor)
                .map(wait -> IntakeAnswer.tooManyRequests(RateLimits.retryAfterSeconds(wait)))
                .orElseGet(IntakeAnswer::unauthorized);
    }

    /** The answer for a request that fails authentication or lacks GitHub's headers; null if none. */
    private Response refusal(String event, String deliveryId, boolean signed, String remoteAddress,
                             String forwardedFor) {
        if (!signed) {
            return unsigned(remoteAddress, forwardedFor);
        }
        if (event == null || !EVENT_NAME.matcher(event).matches()) {
            return IntakeAnswer.badRequest("missing or invalid X-GitHub-Event header");
        }
        if (deliveryId == null || !DELIVERY_ID.matcher(deliveryId).matches()) {
            return IntakeAnswer.badRequest("missing or invalid X-GitHub-Delivery header");
        }
        return null;
    }

    private void store(IncomingDelivery delivery, BodyBudget.Reservation reservation, AsyncResponse answer) {
        // The deadline is kept by the future, not by AsyncResponse.setTimeout: on Liberty the latter
        // schedules a task on a managed executor per request, which costs more than the whole intake.
        inbox.submit(delivery).orTimeout(intakeSettings.commitTimeoutMillis(), TimeUnit.MILLISECONDS).whenComplete((acceptance, failure) -> {
            reservation.close();
            metrics.webhook(delivery.event(), failure != null ? "unavailable"
                    : acceptance == Acceptance.ACCEPTED ? "accepted" : "duplicate");
            if (failure instanceof TimeoutException) {
                LOG.warning(() -> "delivery=" + delivery.deliveryId() + " not committed within " + intakeSettings.commitTimeoutMillis() + " ms");
                answer.resume(IntakeAnswer.unavailable("the delivery could not be stored in time; please redeliver it"));
            } else if (failure != null) {
                LOG.log(Level.WARNING, "delivery=" + delivery.deliveryId() + " could not be stored", failure);
                answer.resume(IntakeAnswer.unavailable("the delivery could not be stored; please redeliver it"));
            } else if (acceptance == Acceptance.ACCEPTED) {
                answer.resume(IntakeAnswer.accepted(delivery.deliveryId()));
            } else {
                answer.resume(IntakeAnswer.ok("duplicate", delivery.deliveryId()));
            }
        });
    }

    /** The Content-Length header, or -1 when it is absent or not a number (chunked bodies). */
    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
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
