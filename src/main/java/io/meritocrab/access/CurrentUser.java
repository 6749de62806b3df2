package io.meritocrab.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The user of this request: set by the admin API's bearer check, otherwise the one logged in to this
 * session by {@link io.meritocrab.login.ConsoleAuthenticationMechanism}.
 */
@RequestScoped
public class CurrentUser {

    public static final String SESSION_ATTRIBUTE = "meritocrab.user";

    @Inject
    HttpServletRequest request;

    private ConsoleUser user;

    public void set(ConsoleUser user) {
        this.user = user;
    }

    public Optional<ConsoleUser> get() {
        if (user == null) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof ConsoleUser inSession) {
                user = inSession;
            }
        }
        return Optional.ofNullable(user);
    }

    public ConsoleUser require() {
        return get().orElseThrow(() -> new NotAllowedException("log in first"));
    }
}
