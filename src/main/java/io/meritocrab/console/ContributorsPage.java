package io.meritocrab.console;

import io.meritocrab.admin.ContributorListing;
import io.meritocrab.admin.ContributorSort;
import io.meritocrab.admin.Page;
import io.meritocrab.admin.Views;
import io.meritocrab.repos.TrackedRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import java.util.Arrays;
import java.util.List;

/**
 * A repository's contributors: search by login prefix, sort by credit or last activity, keyset pages.
 * Search, sort and page are GET parameters, so every list can be bookmarked and shared.
 */
@Named("contributors")
@ViewScoped
public class ContributorsPage extends RepositoryPage {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    ContributorListing listing;

    private String q;
    private String sort;
    private String after;
    private Page<Views.ContributorSummary> page;

    public void load() {
        TrackedRepository repository = open();
        if (repository == null) {
            return;
        }
        try {
            page = listing.list(repository, q, ContributorSort.of(sort), PAGE_SIZE, after);
        } catch (WebApplicationException badCursorOrSort) {
            Pages.error("That page of the list is not available any more; showing the first page.");
            page = listing.list(repository, q, ContributorSort.ID, PAGE_SIZE, null);
        }
    }

    public List<ContributorSort> getSorts() {
        return List.of(ContributorSort.values());
    }

    /** The sort in effect (an unknown one falls back to the default). */
    public String getSortKey() {
        return Arrays.stream(ContributorSort.values()).filter(s -> s.key().equals(sort)).findFirst()
                .orElse(ContributorSort.ID).key();
    }

    public Page<Views.ContributorSummary> getPage() {
        return page;
    }

    public boolean isFirstPage() {
        return after == null || after.isBlank();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
