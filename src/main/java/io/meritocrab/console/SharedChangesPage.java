package io.meritocrab.console;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.shared.SharedChangeView;
import io.meritocrab.shared.SharedInstallation;
import io.meritocrab.shared.SharedListDesk;
import io.meritocrab.shared.SharedListException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** "Who trusted whom": every addition to and removal from an installation's shared lists, newest first. */
@Named("sharedChanges")
@ViewScoped
public class SharedChangesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SharedListDesk desk;
    @Inject
    CurrentUser currentUser;

    private long installation;
    private SharedInstallation current;
    private List<SharedChangeView> changes = List.of();

    public void load() {
        try {
            current = desk.installation(currentUser.require(), installation);
            changes = desk.changes(currentUser.require(), installation);
        } catch (SharedListException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public long getInstallation() {
        return installation;
    }

    public void setInstallation(long installation) {
        this.installation = installation;
    }

    public SharedInstallation getCurrent() {
        return current;
    }

    public List<SharedChangeView> getChanges() {
        return changes;
    }
}
