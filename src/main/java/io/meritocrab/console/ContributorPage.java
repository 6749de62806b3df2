package io.meritocrab.console;

import io.meritocrab.admin.LedgerQueries;
import io.meritocrab.admin.Views;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.Sanctions;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActions;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One contributor: credit, status, ledger history with evaluations, the chart, and adjusting credit. */
@Named("contributor")
@ViewScoped
public class ContributorPage extends RepositoryPage {

    private static final long serialVersionUID = 1L;
    static final int ENTRIES = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    LedgerQueries queries;
    @Inject
    MaintainerActions actions;
    @Inject
    ContributorRepository contributors;
    @Inject
    Sanctions sanctions;

    private String login;
    private Views.ContributorDetail detail;
    private String sanction;
    private Integer delta;
    private String reason;

    public void load() {
        TrackedRepository repository = open();
        if (repository != null) {
            refresh(repository);
        }
    }

    /** Adjusts, then redirects (post/redirect/get) so that reloading the page cannot apply it twice. */
    public String adjust() {
        try {
            TrackedRepository repository = repository();
            MaintainerActions.Outcome outcome = actions.adjust(repository.id(), ContributorRef.login(login),
                    delta == null ? 0 : delta, actor(), reason);
            Pages.info("Credit of " + outcome.login() + " changed by " + Pages.signed(delta) + " to "
                    + outcome.credit() + (outcome.blacklisted() ? " (blacklisted)." : "."));
            Pages.keepMessages();
            return "/contributor.xhtml?faces-redirect=true&repo=" + getRepo() + "&login=" + outcome.login();
        } catch (MaintainerActionException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    private void refresh(TrackedRepository repository) {
        try {
            detail = queries.contributor(repository, login == null ? "" : login, ENTRIES);
            sanction = contributors.findByLogin(repository.id(), detail.login())
                    .flatMap(found -> sanctions.inForce(found.id())).map(ContributorPage::describe).orElse(null);
        } catch (MaintainerActionException.UnknownContributor e) {
            Pages.notFound(e.getMessage());
        }
    }

    /** The credit-over-time chart of the entries shown (oldest first, starting from the credit before them). */
    public String getChart() {
        if (detail == null) {
            return "";
        }
        List<Views.Entry> entries = detail.entries();
        List<CreditChart.Point> points = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Views.Entry e = entries.get(i);
            if (points.isEmpty()) {
                points.add(new CreditChart.Point(e.createdAt(), e.creditBefore()));
            }
            points.add(new CreditChart.Point(e.createdAt(), e.creditAfter()));
        }
        return CreditChart.svg(points);
    }

    /** The sanction step in force, for maintainers only (null when none). */
    public String getSanction() {
        return sanction;
    }

    static String describe(Sanctions.Sanction step) {
        return "step " + step.step() + " of " + step.stepCount() + ", since " + WHEN.format(step.startedAt())
                + (step.permanent() ? ", permanent" : ", ends " + WHEN.format(step.endsAt()));
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

    public Integer getDelta() {
        return delta;
    }

    public void setDelta(Integer delta) {
        this.delta = delta;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
