package io.meritocrab.console;

import io.meritocrab.login.LoginSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The sign-in screen: which ways of signing in are on, and why the last attempt failed. */
@Named
@RequestScoped
public class LoginPage {

    private static final Map<String, String> ERRORS = Map.of(
            "state", "The sign-in could not be verified (it did not start in this browser, or took too long). Please try again.",
            "denied", "GitHub did not grant the sign-in.",
            "github", "GitHub could not confirm who you are. Please try again.",
            "github-not-configured", "Signing in with GitHub is not configured on this server.",
            "token", "That token is not the admin token.",
            "local-disabled", "The local sign-in is switched off on this server.",
            "too-many-attempts", "Too many failed sign-ins from your address. Please wait a minute and try again.");

    @Inject
    LoginSettings settings;

    private String error;

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public String getErrorMessage() {
        return error == null ? null : ERRORS.getOrDefault(error, "The sign-in failed.");
    }

    public boolean isGitHubLogin() {
        return settings.gitHubLogin();
    }

    public boolean isLocalLogin() {
        return settings.localLogin();
    }
}
