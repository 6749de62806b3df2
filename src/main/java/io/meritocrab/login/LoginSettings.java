package io.meritocrab.login;

import io.meritocrab.platform.DeploymentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How people log in to the console: GitHub's OAuth web flow, and the embedded default's local login. */
@ApplicationScoped
public class LoginSettings {

    @Inject @ConfigProperty(name = "meritocrab.github.web-url", defaultValue = "https://github.com")
    String webUrl;
    @Inject @ConfigProperty(name = "meritocrab.github.api-url", defaultValue = "https://api.github.com")
    String apiUrl;
    @Inject @ConfigProperty(name = "meritocrab.github.oauth.client-id")
    Optional<String> clientId;
    @Inject @ConfigProperty(name = "meritocrab.github.oauth.client-secret")
    Optional<String> clientSecret;
    @Inject @ConfigProperty(name = "meritocrab.console.local-login")
    Optional<Boolean> localLogin;
    @Inject @ConfigProperty(name = "meritocrab.console.secure-cookie")
    Optional<Boolean> secureCookie;
    @Inject
    DeploymentSettings deployment;

    String webUrl() {
        return trimSlash(webUrl);
    }

    String apiUrl() {
        return trimSlash(apiUrl);
    }

    public boolean gitHubLogin() {
        return clientId().isPresent() && clientSecret().isPresent();
    }

    Optional<String> clientId() {
        return clientId.filter(s -> !s.isBlank());
    }

    Optional<String> clientSecret() {
        return clientSecret.filter(s -> !s.isBlank());
    }

    /** The local login (with the admin token) is on by default only on the embedded default. */
    public boolean localLogin() {
        return localLogin.orElse(embeddedDefault());
    }

    /** The session cookie is Secure unless switched off; off by default only on the embedded default (HTTP). */
    boolean secureCookie() {
        return secureCookie.orElse(!embeddedDefault());
    }

    /** The public address of the server when a proxy hides it; otherwise taken from the request. */
    Optional<String> baseUrl() {
        return deployment.publicBaseUrl();
    }

    boolean embeddedDefault() {
        return deployment.embeddedDefault();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
