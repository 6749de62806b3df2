package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.shared.SharedChangeView;
import io.meritocrab.shared.SharedEntryView;
import io.meritocrab.shared.SharedInstallation;
import io.meritocrab.shared.SharedList;
import io.meritocrab.shared.SharedListDesk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An installation's shared trust and deny lists and their history: owners change them, owners and the
 * maintainers of its repositories read them, anyone else gets 403 (the console applies the same rules).
 */
@Path("/api/installations")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class SharedListsResource {

    @Inject
    SharedListDesk desk;
    @Inject
    CurrentUser currentUser;

    @GET
    public List<SharedInstallation> installations() {
        return desk.visibleTo(currentUser.require());
    }

    @GET
    @Path("/{installation}/shared/changes")
    public List<SharedChangeView> changes(@PathParam("installation") long installation) {
        return desk.changes(currentUser.require(), installation);
    }

    @GET
    @Path("/{installation}/shared/{list}")
    public List<SharedEntryView> entries(@PathParam("installation") long installation,
                                         @PathParam("list") String list) {
        return desk.entries(currentUser.require(), installation, list(list));
    }

    @POST
    @Path("/{installation}/shared/{list}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SharedEntryView add(@PathParam("installation") long installation, @PathParam("list") String list,
                               JsonObject body) {
        return desk.add(currentUser.require(), installation, list(list), RequestBodies.text(body, "login", true),
                RequestBodies.text(body, "reason", false), expiry(RequestBodies.text(body, "expiresAt", false)));
    }

    @POST
    @Path("/{installation}/shared/{list}/{userId}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public SharedEntryView remove(@PathParam("installation") long installation, @PathParam("list") String list,
                                  @PathParam("userId") long userId, JsonObject body) {
        String reason = body == null ? null : RequestBodies.text(body, "reason", false);
        return desk.remove(currentUser.require(), installation, list(list), userId, reason);
    }

    private static SharedList list(String name) {
        return SharedList.named(name).orElseThrow(() -> ApiError.notFound("no list " + name + "; use trust or deny"));
    }

    private static Instant expiry(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("expiresAt must be an instant like 2027-01-31T00:00:00Z");
        }
    }
}
