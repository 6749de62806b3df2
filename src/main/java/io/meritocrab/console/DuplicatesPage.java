package io.meritocrab.console;

import io.meritocrab.duplicates.DuplicatePair;
import io.meritocrab.duplicates.PullRequestFingerprints;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.List;

/** A repository's latest duplicate pull requests (`[duplicates]`), each with the one it duplicates. */
@Named("duplicates")
@ViewScoped
public class DuplicatesPage extends RepositoryPage {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;

    @Inject
    PullRequestFingerprints fingerprints;

    private List<DuplicatePair> pairs = List.of();

    public void load() throws SQLException {
        TrackedRepository repository = open();
        if (repository != null) {
            pairs = List.copyOf(fingerprints.recent(repository.id(), SHOWN));
        }
    }

    public List<DuplicatePair> getPairs() {
        return pairs;
    }
}
