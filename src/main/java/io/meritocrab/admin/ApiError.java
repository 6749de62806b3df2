package io.meritocrab.admin;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin API errors as `{"error": "..."}` with the right status. */
public final class ApiError {

    private ApiError() {
    }

    static Response.ResponseBuilder response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", message).build().toString());
    }

    static WebApplicationException notFound(String message) {
        return new WebApplicationException(response(404, message).build());
    }

    static WebApplicationException forbidden(String message) {
        return new WebApplicationException(response(403, message).build());
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(response(400, message).build());
    }
}
