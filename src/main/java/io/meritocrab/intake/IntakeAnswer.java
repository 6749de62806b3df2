package io.meritocrab.intake;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON answers the webhook endpoint gives; none of them echoes the payload or a secret. */
final class IntakeAnswer {

    private static final JsonProvider JSON = JsonProvider.provider();

    private IntakeAnswer() {
    }

    static Response accepted(String deliveryId) {
        return json(Response.Status.ACCEPTED, JSON.createObjectBuilder().add("status", "accepted")
                .add("delivery", deliveryId));
    }

    static Response ok(String status, String deliveryId) {
        return json(Response.Status.OK, JSON.createObjectBuilder().add("status", status).add("delivery", deliveryId));
    }

    static Response unauthorized() {
        return error(Response.Status.UNAUTHORIZED, "missing or invalid X-Hub-Signature-256");
    }

    static Response badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, message);
    }

    static Response tooLarge() {
        return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the payload exceeds 25 MB");
    }

    static Response tooSlow(java.time.Duration timeout) {
        return error(Response.Status.REQUEST_TIMEOUT, "the payload did not arrive within " + timeout.toSeconds() + " s");
    }

    static Response tooManyRequests(long retryAfterSeconds) {
        return Response.fromResponse(error(Response.Status.TOO_MANY_REQUESTS,
                "too many requests with an invalid signature; retry later"))
                .header("Retry-After", retryAfterSeconds).build();
    }

    static Response unavailable(String message) {
        return error(Response.Status.SERVICE_UNAVAILABLE, message);
    }

    private static Response error(Response.Status status, String message) {
        return json(status, JSON.createObjectBuilder().add("error", message));
    }

    private static Response json(Response.Status status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }
}
