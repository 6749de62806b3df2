package io.meritocrab.console;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The signed-in person, shown in the page header, and signing out. */
@Named
@RequestScoped
public class Account {

    @Inject
    CurrentUser currentUser;

    public boolean isSignedIn() {
        return currentUser.get().isPresent();
    }

    public String getLogin() {
        return currentUser.get().map(ConsoleUser::login).orElse("");
    }

    public boolean isOperator() {
        return currentUser.get().map(ConsoleUser::operator).orElse(false);
    }

    /** Signed in with GitHub, so the contributor's own page has an account to show. */
    public boolean isGitHubAccount() {
        return currentUser.get().map(ConsoleUser::gitHubUserId).isPresent();
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/console/login.xhtml?signedOut=true");
    }
}
