package io.meritocrab.admin;

import io.meritocrab.access.ConsoleUser;
import io.meritocrab.access.RepositoryAccess;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The console's first page: the user's repositories with their pending reviews and open appeals, and
 * failed deliveries.
 */
@ApplicationScoped
public class DashboardQueries {

    @Inject
    ContributorRepository contributors;
    @Inject
    RepositoryAccess access;
    @Inject
    ReviewQueue reviews;
    @Inject
    AppealQueue appeals;
    @Inject
    InboxQueries inbox;

    public Views.Dashboard of(ConsoleUser user) {
        List<TrackedRepository> visible = access.visibleTo(user);
        List<Views.RepositoryOverview> repositories = visible.stream()
                .map(r -> new Views.RepositoryOverview(r.fullName(), r.served(), contributors.count(r.id()),
                        reviews.pendingCount(r.id()), appeals.openCount(r.id())))
                .toList();
        long pending = repositories.stream().mapToLong(Views.RepositoryOverview::pendingReviews).sum();
        long appealing = repositories.stream().mapToLong(Views.RepositoryOverview::openAppeals).sum();
        return new Views.Dashboard(repositories, pending, appealing, inbox.failedCount(user, visible));
    }
}
