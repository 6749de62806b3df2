package io.meritocrab.console;

import io.meritocrab.admin.LedgerQueries;
import io.meritocrab.admin.Views;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActions;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Confirms blacklisting or unblacklisting a contributor (a protected view: reached from the console only). */
@Named("blacklist")
@ViewScoped
public class BlacklistPage extends RepositoryPage {

    private static final long serialVersionUID = 1L;

    @Inject
    LedgerQueries queries;
    @Inject
    MaintainerActions actions;

    private String login;
    private Views.ContributorDetail detail;
    private String reason;

    public void load() {
        TrackedRepository repository = open();
        if (repository == null) {
            return;
        }
        try {
            detail = queries.contributor(repository, login == null ? "" : login, 1);
        } catch (MaintainerActionException.UnknownContributor e) {
            Pages.notFound(e.getMessage());
        }
    }

    public String confirm() {
        boolean blacklisting = !detail.blacklisted();
        try {
            MaintainerActions.Outcome outcome = actions.setBlacklisted(repository().id(), ContributorRef.login(login),
                    blacklisting, actor(), reason);
            Pages.info(outcome.login() + (outcome.changed() ? (blacklisting ? " is now blacklisted." : " is no longer blacklisted.")
                    : (blacklisting ? " was already blacklisted." : " was not blacklisted.")));
            Pages.keepMessages();
            return backToContributor();
        } catch (MaintainerActionException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    public String backToContributor() {
        // Faces encodes the parameters of the redirect itself (logins and repository names hold no & or =).
        return "/contributor.xhtml?faces-redirect=true&repo=" + getRepo() + "&login=" + login;
    }

    public Views.ContributorDetail getDetail() {
        return detail;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
