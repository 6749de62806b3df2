package io.meritocrab.github;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.lang.reflect.Method;

/**
 * Notes which {@link GitHubApi} method a request comes from, for the call metrics: a label with few
 * values (the operation texts name users and repositories). Rest Client calls here are synchronous, so
 * the filter runs on the caller's thread.
 */
final class InvokedOperation implements ClientRequestFilter {

    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Override
    public void filter(ClientRequestContext request) {
        Object method = request.getProperty(INVOKED_METHOD);
        CURRENT.set(method instanceof Method invoked ? invoked.getName() : request.getMethod().toLowerCase());
    }

    /** The method of the request this thread sent last, forgetting it; "unsent" when none was sent. */
    static String take() {
        String name = CURRENT.get();
        CURRENT.remove();
        return name == null ? "unsent" : name;
    }
}
