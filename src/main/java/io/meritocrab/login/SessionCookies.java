package io.meritocrab.login;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie: HttpOnly, and Secure unless switched off (`meritocrab.console.secure-cookie`;
 * off by default only on the embedded default, served over HTTP); SameSite=Lax is declared in web.xml,
 * the one place both Liberty and Payara read it from. Sessions are tracked by cookie only, never in URLs.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var config = ConfigProvider.getConfig();
        boolean embedded = config.getOptionalValue("meritocrab.db.url", String.class).filter(s -> !s.isBlank()).isEmpty();
        Optional<Boolean> secure = config.getOptionalValue("meritocrab.console.secure-cookie", Boolean.class);
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(secure.orElse(!embedded));
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
