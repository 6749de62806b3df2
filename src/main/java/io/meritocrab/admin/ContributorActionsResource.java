package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.ledger.ContributorRef;
import io.meritocrab.maintainer.MaintainerActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A maintainer's changes to one contributor: credit adjustments and the blacklist. */
@Path("/api/repos/{owner}/{repo}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class ContributorActionsResource {

    @Inject
    LedgerQueries queries;
    @Inject
    MaintainerActions actions;
    @Inject
    CurrentUser currentUser;

    @PathParam("owner")
    String owner;
    @PathParam("repo")
    String repo;

    @POST
    @Path("/contributors/{login}/adjust")
    public Views.ActionResult adjust(@PathParam("login") String login, JsonObject body) {
        int delta = RequestBodies.integer(body, "delta");
        String reason = RequestBodies.text(body, "reason", true);
        long repositoryId = queries.repository(owner, repo).id();
        return queries.result(actions.adjust(repositoryId, ContributorRef.login(login), delta,
                currentUser.require().login(), reason));
    }

    @POST
    @Path("/contributors/{login}/blacklist")
    public Views.ActionResult blacklist(@PathParam("login") String login, JsonObject body) {
        boolean blacklisted = RequestBodies.bool(body, "blacklisted");
        String reason = RequestBodies.text(body, "reason", false);
        long repositoryId = queries.repository(owner, repo).id();
        return queries.result(actions.setBlacklisted(repositoryId, ContributorRef.login(login), blacklisted,
                currentUser.require().login(), reason));
    }
}
