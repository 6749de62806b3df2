package io.meritocrab.admin;

import io.meritocrab.platform.Secrets;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Lets admin API requests through only with `Authorization: Bearer <MERITOCRAB_ADMIN_TOKEN>`. */
@Provider
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Secrets secrets;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> expected = secrets.adminToken();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (expected.isEmpty() || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !constantTimeEquals(header.substring(BEARER.length()).trim(), expected.get())) {
            request.abortWith(ApiError.response(401, "a valid admin bearer token is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"meritocrab\"").build());
        }
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
