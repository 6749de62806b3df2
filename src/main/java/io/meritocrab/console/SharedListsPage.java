package io.meritocrab.console;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.shared.SharedEntryView;
import io.meritocrab.shared.SharedInstallation;
import io.meritocrab.shared.SharedList;
import io.meritocrab.shared.SharedListDesk;
import io.meritocrab.shared.SharedListException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An installation's shared trust and deny lists (`installation` parameter), or without one the
 * installations the user can open. Owners add and remove entries; maintainers only read.
 */
@Named("sharedLists")
@ViewScoped
public class SharedListsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SharedListDesk desk;
    @Inject
    CurrentUser currentUser;

    private Long installation;
    private SharedInstallation current;
    private List<SharedInstallation> installations = List.of();
    private List<SharedEntryView> trusted = List.of();
    private List<SharedEntryView> denied = List.of();
    private String list = SharedList.TRUST.pathName();
    private String login;
    private String reason;
    private String expires;

    public void load() {
        if (installation == null) {
            installations = desk.visibleTo(currentUser.require());
            return;
        }
        try {
            current = desk.installation(currentUser.require(), installation);
            trusted = desk.entries(currentUser.require(), installation, SharedList.TRUST);
            denied = desk.entries(currentUser.require(), installation, SharedList.DENY);
        } catch (SharedListException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public String add() {
        try {
            SharedList target = SharedList.named(list).orElse(SharedList.TRUST);
            SharedEntryView entry = desk.add(currentUser.require(), installation, target, login, reason, expiry());
            Pages.info(entry.login() + " is on the " + target.pathName() + " list.");
            Pages.keepMessages();
            return reload();
        } catch (SharedListException e) {
            Pages.error(e.getMessage());
            return null;
        } catch (DateTimeParseException e) {
            Pages.error("the expiry is a date like 2027-01-31");
            return null;
        }
    }

    public String remove(SharedEntryView entry) {
        try {
            desk.remove(currentUser.require(), installation, entry.list(), entry.userId(), null);
            Pages.info(entry.login() + " is no longer on the " + entry.list().pathName() + " list.");
            Pages.keepMessages();
            return reload();
        } catch (SharedListException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    private String reload() {
        return "/shared.xhtml?faces-redirect=true&installation=" + installation;
    }

    /** The end of the given day (UTC), so "until 2027-01-31" includes that day. */
    private Instant expiry() {
        if (expires == null || expires.isBlank()) {
            return null;
        }
        return LocalDate.parse(expires.strip()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Long getInstallation() {
        return installation;
    }

    public void setInstallation(Long installation) {
        this.installation = installation;
    }

    public SharedInstallation getCurrent() {
        return current;
    }

    public List<SharedInstallation> getInstallations() {
        return installations;
    }

    public List<SharedEntryView> getTrusted() {
        return trusted;
    }

    public List<SharedEntryView> getDenied() {
        return denied;
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
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

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        this.expires = expires;
    }
}
