package io.meritocrab.ratelimit;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

/** Answers 429 with Retry-After to a user or token that sends more API or console requests than allowed. */
@WebFilter(urlPatterns = {"/api/*", "/console/*"}, asyncSupported = true)
public class ApiRateLimitFilter extends HttpFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    RateLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        String authorization = request.getHeader("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
        Optional<Duration> wait = limits.apiRequest(principal == null ? null : principal.getName(), token,
                request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        if (wait.isPresent()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(RateLimits.retryAfterSeconds(wait.get())));
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"too many requests; retry later\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
