package io.meritocrab.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read API of one repository's ledger: contributors, one contributor's entries, all entries. */
@Path("/api/repos/{owner}/{repo}")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class RepositoryLedgerResource {

    private static final int DEFAULT_ENTRY_LIMIT = 100;

    @Inject
    LedgerQueries queries;
    @Inject
    ContributorListing listing;

    @PathParam("owner")
    String owner;
    @PathParam("repo")
    String repo;

    @GET
    @Path("/contributors")
    public Page<Views.ContributorSummary> contributors(@QueryParam("limit") String limit,
                                                       @QueryParam("after") String after,
                                                       @QueryParam("q") String search,
                                                       @QueryParam("sort") String sort) {
        ContributorSort order = ContributorSort.of(sort);
        return listing.list(queries.repository(owner, repo), search, order, PageRequest.of(limit, null).limit(), after);
    }

    @GET
    @Path("/contributors/{login}")
    public Views.ContributorDetail contributor(@PathParam("login") String login, @QueryParam("limit") String limit) {
        int entries = limit == null ? DEFAULT_ENTRY_LIMIT : PageRequest.of(limit, null).limit();
        return queries.contributor(queries.repository(owner, repo), login, entries);
    }

    @GET
    @Path("/events")
    public Page<Views.Event> events(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        return queries.events(queries.repository(owner, repo), PageRequest.of(limit, after));
    }
}
