package io.meritocrab.admin;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.CurrentUser;
import io.meritocrab.platform.Secrets;
import io.meritocrab.ratelimit.RateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets admin API requests through with `Authorization: Bearer <MERITOCRAB_ADMIN_TOKEN>` (an operator,
 * who sees everything) or a console session (a maintainer, who sees their repositories). A session's
 * changes must be sent as JSON, which a form on another site cannot do without the browser asking first.
 * Wrong tokens count against their source address; past the limit, every token from it is refused
 * with 429 until the budget refills.
 */
@Provider
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Secrets secrets;
    @Inject
    CurrentUser currentUser;
    @Inject
    RateLimits rateLimits;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null && currentUser.get().isPresent()) {
            MediaType type = request.getMediaType();
            if (!"GET".equals(request.getMethod())
                    && (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
                request.abortWith(ApiError.response(415, "send changes as application/json").build());
            }
            return;
        }
        String address = servletRequest.getRemoteAddr();
        String forwardedFor = request.getHeaderString("X-Forwarded-For");
        if (header != null) {
            Optional<Duration> blocked = rateLimits.authenticationBlocked(address, forwardedFor);
            if (blocked.isPresent()) {
                request.abortWith(tooManyAttempts(blocked.get()));
                return;
            }
        }
        Optional<String> expected = secrets.adminToken();
        if (expected.isEmpty() || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !constantTimeEquals(header.substring(BEARER.length()).trim(), expected.get())) {
            Optional<Duration> wait = header == null ? Optional.empty()
                    : rateLimits.authenticationFailed(address, forwardedFor);
            request.abortWith(wait.map(AdminTokenFilter::tooManyAttempts).orElseGet(() ->
                    ApiError.response(401, "a valid admin bearer token is required")
                            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"meritocrab\"").build()));
            return;
        }
        currentUser.set(ConsoleUser.ADMIN_TOKEN);
    }

    private static Response tooManyAttempts(Duration wait) {
        return ApiError.response(429, "too many failed authentications from this address; retry later")
                .header("Retry-After", RateLimits.retryAfterSeconds(wait)).build();
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
