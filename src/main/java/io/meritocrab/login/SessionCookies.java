package io.meritocrab.login;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The console's session cookie: HttpOnly, SameSite=Lax, and Secure unless switched off
 * (`meritocrab.console.secure-cookie`; off by default only on the embedded default, served over HTTP).
 * Sessions are tracked by cookie only, never in URLs. SameSite is declared in web.xml, which Liberty
 * honours; Payara ignores it (and SessionCookieConfig.setAttribute) when it writes the cookie, so the
 * sign-in mechanism also adds it to the session cookie's Set-Cookie header where it is missing.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    private static final String SAME_SITE = "SameSite=Lax";

    @Inject
    LoginSettings settings;

    /** Adds SameSite=Lax to a session cookie this response sets without it; other headers stay as they are. */
    static void addSameSite(HttpServletRequest request, HttpServletResponse response) {
        String name = Optional.ofNullable(request.getServletContext().getSessionCookieConfig().getName())
                .orElse("JSESSIONID") + "=";
        List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(c -> c.startsWith(name) && !c.contains("SameSite"))) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String fixed = cookie.startsWith(name) && !cookie.contains("SameSite") ? cookie + "; " + SAME_SITE : cookie;
            if (i == 0) {
                response.setHeader("Set-Cookie", fixed);
            } else {
                response.addHeader("Set-Cookie", fixed);
            }
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookie());
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
