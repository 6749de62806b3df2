package io.meritocrab.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a JAX-RS resource did not expect becomes a plain 500 with {"error": "internal error"}: the
 * details (class names, messages, stack trace) go to the log, never to the caller. JAX-RS's own
 * answers (404, 405, 415, ...) pass through unchanged.
 */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException answer) {
            return answer.getResponse();
        }
        LOG.log(Level.SEVERE, "unexpected error answering a request", e);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":\"internal error\"}").build();
    }
}
