package io.meritocrab.login;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.CurrentUser;
import io.meritocrab.platform.Secrets;
import io.meritocrab.platform.SecurityHeaders;
import io.meritocrab.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Logs people in to the console (Jakarta Security, so it works on any Jakarta EE 10 server): GitHub's
 * OAuth web flow at `/login/github`, and on the embedded default a local login with the admin token at
 * `/login/local`. The logged-in user is kept in the HTTP session. Only console, login, API and `/me`
 * paths are looked at; everything else, the webhook hot path above all, is let through at once without a
 * session. Wrong local sign-ins count against their source address like wrong API tokens. Anyone with a
 * GitHub account may sign in: the console shows them only what they maintain, and `/me` (the
 * contributor's own page, {@code /console/me.xhtml}) only their own ledgers.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/console/login.xhtml";
    static final String HOME = "/console/index.xhtml";
    static final String OWN_PAGE = "/console/me.xhtml";
    private static final String STATE = "meritocrab.oauth.state";
    private static final String AFTER_LOGIN = "meritocrab.oauth.after";
    private static final String CALLBACK = "/login/github/callback";
    private static final Logger LOG = Logger.getLogger(ConsoleAuthenticationMechanism.class.getName());

    @Inject
    LoginSettings settings;
    @Inject
    GitHubOAuth oauth;
    @Inject
    Secrets secrets;
    @Inject
    RateLimits rateLimits;

    private final SecureRandom random = new SecureRandom();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = path(request);
        if (path.startsWith("/console")) {
            if (path.equals(LOGIN_PAGE)) {
                // The page's form needs a session: made here, its cookie can still be given SameSite.
                request.getSession(true);
                SessionCookies.addSameSite(request, response);
            }
            SecurityHeaders.apply(response);
            return console(path, request, context);
        }
        if (path.startsWith("/api/")) {
            SecurityHeaders.apply(response);
            return request.getHeader("Authorization") == null ? fromSession(request, context) : context.doNothing();
        }
        if (path.startsWith("/login")) {
            SecurityHeaders.apply(response);
            return login(path, request, context);
        }
        if (path.equals("/me") || path.startsWith("/me/")) {
            SecurityHeaders.apply(response);
            return ownPage(path, request, context);
        }
        return context.doNothing();
    }

    /**
     * `/me` opens the signed-in person's own page, or starts a GitHub sign-in that comes back to it.
     * `/me/{login}` (or `/me?login=`) is the same page for one's own login and "not found" for anyone else's.
     */
    private AuthenticationStatus ownPage(String path, HttpServletRequest request, HttpMessageContext context) {
        ConsoleUser user = sessionUser(request);
        if (user == null) {
            return context.redirect(request.getContextPath() + (settings.gitHubLogin() ? "/login/github?to=me" : LOGIN_PAGE));
        }
        String named = path.length() > "/me/".length() ? path.substring("/me/".length()) : request.getParameter("login");
        if (named != null && !named.strip().equalsIgnoreCase(user.login())) {
            return context.responseNotFound();
        }
        return context.redirect(request.getContextPath() + OWN_PAGE);
    }

    /**
     * The path the container dispatches on (servlet path and path info: decoded, dot segments and path
     * parameters removed), not the raw request URI: `/console/jakarta.faces.resource/../index.xhtml`
     * is the index page, and must be checked as one.
     */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    private AuthenticationStatus console(String path, HttpServletRequest request, HttpMessageContext context) {
        if (path.equals(LOGIN_PAGE) || path.startsWith("/console/jakarta.faces.resource/")) {
            return fromSession(request, context);
        }
        if (path.equals("/console") || path.equals("/console/")) {
            return context.redirect(request.getContextPath() + HOME);
        }
        ConsoleUser user = sessionUser(request);
        if (user == null) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return notify(context, user);
    }

    private AuthenticationStatus login(String path, HttpServletRequest request, HttpMessageContext context) {
        return switch (path) {
            case "/login/github" -> startGitHubLogin(request, context);
            case CALLBACK -> finishGitHubLogin(request, context);
            case "/login/local" -> localLogin(request, context);
            default -> context.redirect(request.getContextPath() + LOGIN_PAGE);
        };
    }

    private AuthenticationStatus startGitHubLogin(HttpServletRequest request, HttpMessageContext context) {
        if (!settings.gitHubLogin()) {
            return loginError(request, context, "github-not-configured");
        }
        String state = HexFormat.of().formatHex(bytes(32));
        HttpSession session = request.getSession(true);
        session.setAttribute(STATE, state);
        if ("me".equals(request.getParameter("to"))) {
            session.setAttribute(AFTER_LOGIN, OWN_PAGE);
        } else {
            session.removeAttribute(AFTER_LOGIN);
        }
        SessionCookies.addSameSite(request, context.getResponse());
        return context.redirect(oauth.authorizeUrl(callbackUrl(request), state));
    }

    private AuthenticationStatus finishGitHubLogin(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(STATE);
        String given = request.getParameter("state");
        if (session != null) {
            session.removeAttribute(STATE);
        }
        if (!(expected instanceof String state) || given == null || !constantTimeEquals(state, given)) {
            LOG.warning("GitHub login refused: the state parameter does not match this browser's login");
            return loginError(request, context, "state");
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            return loginError(request, context, "denied");
        }
        try {
            GitHubOAuth.Account account = oauth.accountFor(code, callbackUrl(request));
            String landing = session.getAttribute(AFTER_LOGIN) instanceof String page ? page : HOME;
            session.removeAttribute(AFTER_LOGIN);
            return startSession(request, context, ConsoleUser.gitHubAccount(account.login(), account.userId()), landing);
        } catch (GitHubOAuth.LoginFailed e) {
            LOG.warning("GitHub login failed: " + e.getMessage());
            return loginError(request, context, "github");
        }
    }

    private AuthenticationStatus localLogin(HttpServletRequest request, HttpMessageContext context) {
        if (!"POST".equals(request.getMethod()) || !settings.localLogin()) {
            return loginError(request, context, "local-disabled");
        }
        String address = request.getRemoteAddr();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (rateLimits.authenticationBlocked(address, forwardedFor).isPresent()) {
            return loginError(request, context, "too-many-attempts");
        }
        String token = request.getParameter("token");
        String expected = secrets.adminToken().orElse(null);
        if (expected == null || token == null || !constantTimeEquals(expected, token.strip())) {
            return loginError(request, context,
                    rateLimits.authenticationFailed(address, forwardedFor).isPresent() ? "too-many-attempts" : "token");
        }
        return startSession(request, context, ConsoleUser.LOCAL_ADMIN, HOME);
    }

    private AuthenticationStatus startSession(HttpServletRequest request, HttpMessageContext context, ConsoleUser user,
                                              String landing) {
        request.getSession(true);
        // A new session id at login: an id planted in the browser before cannot be used to ride the login.
        request.changeSessionId();
        request.getSession(false).setAttribute(CurrentUser.SESSION_ATTRIBUTE, user);
        SessionCookies.addSameSite(request, context.getResponse());
        return context.redirect(request.getContextPath() + landing);
    }

    private AuthenticationStatus fromSession(HttpServletRequest request, HttpMessageContext context) {
        ConsoleUser user = sessionUser(request);
        return user == null ? context.doNothing() : notify(context, user);
    }

    private static AuthenticationStatus notify(HttpMessageContext context, ConsoleUser user) {
        return context.notifyContainerAboutLogin(user.login(),
                user.operator() ? Set.of("maintainer", "operator") : Set.of("maintainer"));
    }

    private static ConsoleUser sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CurrentUser.SESSION_ATTRIBUTE) instanceof ConsoleUser user
                ? user : null;
    }

    private static AuthenticationStatus loginError(HttpServletRequest request, HttpMessageContext context, String error) {
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?error="
                + URLEncoder.encode(error, StandardCharsets.UTF_8));
    }

    /** Where GitHub sends the browser back: the configured public address, or this request's (proxy-aware). */
    private String callbackUrl(HttpServletRequest request) {
        return settings.baseUrl().orElseGet(() -> {
            String proto = request.getHeader("X-Forwarded-Proto");
            String scheme = proto == null ? request.getScheme() : proto.split(",")[0].strip();
            String host = request.getHeader("X-Forwarded-Host");
            if (host == null) {
                host = request.getHeader("Host");
            }
            return scheme + "://" + host.split(",")[0].strip() + request.getContextPath();
        }) + CALLBACK;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
