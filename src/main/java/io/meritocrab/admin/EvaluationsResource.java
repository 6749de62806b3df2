package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.maintainer.MaintainerActions;
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

/** A repository's evaluations; the pending ones wait for a maintainer to approve or override them. */
@Path("/api/repos/{owner}/{repo}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class EvaluationsResource {

    @Inject
    LedgerQueries queries;
    @Inject
    ReviewQueue reviews;
    @Inject
    MaintainerActions actions;
    @Inject
    CurrentUser currentUser;

    @PathParam("owner")
    String owner;
    @PathParam("repo")
    String repo;

    @GET
    public Page<Views.Review> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        return reviews.list(queries.repository(owner, repo), ReviewQueue.status(status), page.limit(), page.after());
    }

    @POST
    @Path("/{id}/approve")
    public Views.ActionResult approve(@PathParam("id") long evaluationId) {
        long repositoryId = queries.repository(owner, repo).id();
        return queries.result(actions.approve(repositoryId, evaluationId, currentUser.require().login()));
    }

    @POST
    @Path("/{id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.ActionResult override(@PathParam("id") long evaluationId, JsonObject body) {
        int delta = RequestBodies.integer(body, "delta");
        String note = RequestBodies.text(body, "note", true);
        long repositoryId = queries.repository(owner, repo).id();
        return queries.result(actions.override(repositoryId, evaluationId, delta, currentUser.require().login(), note));
    }
}
