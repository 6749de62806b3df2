package io.meritocrab.console;

import io.meritocrab.admin.AppealQueue;
import io.meritocrab.admin.ReviewQueue;
import io.meritocrab.admin.Views;
import io.meritocrab.appeals.AppealDesk;
import io.meritocrab.appeals.AppealException;
import io.meritocrab.appeals.AppealStatus;
import io.meritocrab.evaluation.EvaluationStatus;
import io.meritocrab.maintainer.MaintainerActionException;
import io.meritocrab.maintainer.MaintainerActions;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review queue: evaluations not sure enough to apply, approved as proposed or overridden with a note;
 * and contributors' appeals, upheld or reversed.
 */
@Named("reviews")
@ViewScoped
public class ReviewQueuePage extends RepositoryPage {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;

    @Inject
    ReviewQueue queue;
    @Inject
    MaintainerActions actions;
    @Inject
    AppealQueue appealQueue;
    @Inject
    AppealDesk appealDesk;

    private List<Views.Review> items = List.of();
    private List<Views.Appeal> appeals = List.of();
    private final Map<Long, String> appealNote = new HashMap<>();
    private final Map<Long, Integer> overrideDelta = new HashMap<>();
    private final Map<Long, String> overrideNote = new HashMap<>();

    public void load() {
        TrackedRepository repository = open();
        if (repository != null) {
            refresh(repository);
        }
    }

    /** Each decision redirects (post/redirect/get): reloading the page cannot decide twice. */
    public String approve(long evaluationId) {
        try {
            TrackedRepository repository = repository();
            MaintainerActions.Outcome outcome = actions.approve(repository.id(), evaluationId, actor());
            Pages.info("Approved evaluation " + evaluationId + ": " + outcome.login() + " now has " + outcome.credit()
                    + " credit.");
            return done();
        } catch (MaintainerActionException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    public String override(long evaluationId) {
        Integer delta = overrideDelta.get(evaluationId);
        if (delta == null) {
            Pages.error("Enter the change to apply instead for evaluation " + evaluationId + ".");
            return null;
        }
        try {
            TrackedRepository repository = repository();
            MaintainerActions.Outcome outcome = actions.override(repository.id(), evaluationId, delta, actor(),
                    overrideNote.get(evaluationId));
            Pages.info("Overrode evaluation " + evaluationId + " with " + Pages.signed(delta) + ": " + outcome.login()
                    + " now has " + outcome.credit() + " credit.");
            return done();
        } catch (MaintainerActionException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    public String uphold(long appealId) {
        try {
            appealDesk.uphold(repository().id(), appealId, actor(), appealNote.get(appealId));
            Pages.info("Appeal " + appealId + " upheld: the entry stays.");
            return done();
        } catch (AppealException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    public String reverse(long appealId) {
        try {
            appealDesk.reverse(repository().id(), appealId, actor(), appealNote.get(appealId));
            Pages.info("Appeal " + appealId + " reversed: the credit is given back.");
            return done();
        } catch (AppealException e) {
            Pages.error(e.getMessage());
            return null;
        }
    }

    private String done() {
        Pages.keepMessages();
        return "/reviews.xhtml?faces-redirect=true&repo=" + getRepo();
    }

    private void refresh(TrackedRepository repository) {
        items = queue.list(repository, EvaluationStatus.PENDING, SHOWN, null).items();
        appeals = appealQueue.list(repository, AppealStatus.OPEN, SHOWN, null).items();
    }

    public List<Views.Appeal> getAppeals() {
        return appeals;
    }

    public Map<Long, String> getAppealNote() {
        return appealNote;
    }

    public List<Views.Review> getItems() {
        return items;
    }

    public Map<Long, Integer> getOverrideDelta() {
        return overrideDelta;
    }

    public Map<Long, String> getOverrideNote() {
        return overrideNote;
    }
}
