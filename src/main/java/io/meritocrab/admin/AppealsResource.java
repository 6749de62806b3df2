package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.appeals.AppealDesk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A repository's appeals; the open ones wait for a maintainer to uphold the entry or reverse it. */
@Path("/api/repos/{owner}/{repo}/appeals")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class AppealsResource {

    @Inject
    LedgerQueries queries;
    @Inject
    AppealQueue queue;
    @Inject
    AppealDesk desk;
    @Inject
    CurrentUser currentUser;

    @PathParam("owner")
    String owner;
    @PathParam("repo")
    String repo;

    @GET
    public Page<Views.Appeal> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        return queue.list(queries.repository(owner, repo), AppealQueue.status(status), page.limit(), page.after());
    }

    @POST
    @Path("/{id}/uphold")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.Appeal uphold(@PathParam("id") long appealId, JsonObject body) {
        long repositoryId = queries.repository(owner, repo).id();
        return queue.view(desk.uphold(repositoryId, appealId, currentUser.require().login(), note(body)));
    }

    @POST
    @Path("/{id}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.Appeal reverse(@PathParam("id") long appealId, JsonObject body) {
        long repositoryId = queries.repository(owner, repo).id();
        return queue.view(desk.reverse(repositoryId, appealId, currentUser.require().login(), note(body)));
    }

    private static String note(JsonObject body) {
        return body == null ? null : RequestBodies.text(body, "note", false);
    }
}
