package io.meritocrab.console;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.CurrentUser;
import io.meritocrab.appeals.AppealDesk;
import io.meritocrab.appeals.AppealException;
import io.meritocrab.standing.RepositoryStanding;
import io.meritocrab.standing.Standings;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contributor's own page (`/me`): for the signed-in GitHub account only, found by its user id. A
 * `login` parameter naming anyone else is "not found", so the page cannot be pointed at another person.
 * On a change that cost credit the contributor may ask a maintainer to look again (an appeal).
 */
@Named("own")
@ViewScoped
public class OwnPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;
    @Inject
    Standings standings;
    @Inject
    AppealDesk appeals;

    private String login;
    private List<RepositoryStanding> repositories = List.of();
    private final Map<Long, String> appealText = new HashMap<>();

    public void load() {
        ConsoleUser user = currentUser.require();
        if (login != null && !login.strip().equalsIgnoreCase(user.login())) {
            Pages.notFound("not found");
            return;
        }
        repositories = user.gitHubUserId() == null ? List.of() : standings.of(user.gitHubUserId());
    }

    /** Files the appeal, then redirects (post/redirect/get) so that reloading cannot file it twice. */
    public String appeal(long entryId) {
        Long userId = currentUser.require().gitHubUserId();
        if (userId == null) {
            Pages.error("Sign in with GitHub to ask a maintainer.");
            return null;
        }
        try {
            appeals.file(userId, entryId, appealText.get(entryId));
            Pages.info("Sent: a maintainer will look at this change again.");
            Pages.keepMessages();
            return "/me.xhtml?faces-redirect=true";
        } catch (AppealException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    public Map<Long, String> getAppealText() {
        return appealText;
    }

    public int getMaxAppealLength() {
        return AppealDesk.MAX_TEXT;
    }

    public boolean isGitHubAccount() {
        return currentUser.get().map(ConsoleUser::gitHubUserId).isPresent();
    }

    public List<RepositoryStanding> getRepositories() {
        return repositories;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }
}
