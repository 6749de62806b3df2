package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The inbox as maintainers see it: deliveries by status, what one was about, and a retry for failed ones. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class DeliveriesResource {

    private static final List<String> STATUSES = List.of("PENDING", "PROCESSED", "FAILED");

    @Inject
    InboxQueries inbox;
    @Inject
    CurrentUser currentUser;

    @GET
    public Page<Views.Delivery> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                     @QueryParam("after") String after) {
        String wanted = status == null ? "FAILED" : status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw ApiError.badRequest("status must be one of pending, processed, failed");
        }
        return inbox.byStatus(currentUser.require(), wanted, PageRequest.of(limit, after));
    }

    @GET
    @Path("/{deliveryId}/summary")
    @Produces(MediaType.TEXT_PLAIN)
    public String summary(@PathParam("deliveryId") String deliveryId) {
        return inbox.payloadSummary(currentUser.require(), deliveryId);
    }

    @POST
    @Path("/{deliveryId}/retry")
    public Views.Delivery retry(@PathParam("deliveryId") String deliveryId) {
        return inbox.retry(currentUser.require(), deliveryId);
    }
}
