package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.startup.ServerStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** `GET /api/status`: build, uptime, database and migrations, LLM provider, GitHub App; operators only. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class StatusResource {

    @Inject
    ServerStatus status;
    @Inject
    CurrentUser currentUser;

    @GET
    public ServerStatus.Status status() {
        if (!currentUser.require().operator()) {
            throw ApiError.forbidden("the server's status is for operators");
        }
        return status.status();
    }
}
