package io.meritocrab.admin;

import io.meritocrab.access.CurrentUser;
import io.meritocrab.importing.ImportReport;
import io.meritocrab.importing.MeritocrabImport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * Import from the original meritocrab: its SQLite database as the raw body, its Actions-mode files in a
 * JSON body, or its PostgreSQL database by URL. {@code ?dryRun=true} answers what would be imported and
 * changes nothing.
 */
@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class MeritocrabImportResource {

    @Inject
    MeritocrabImport imports;
    @Inject
    CurrentUser currentUser;

    @QueryParam("dryRun")
    boolean dryRun;

    @POST
    @Path("/sqlite")
    @Consumes(MediaType.WILDCARD)
    public ImportReport sqlite(InputStream body) {
        return imports.sqlite(body, currentUser.require(), dryRun);
    }

    /** {@code {"repository": "owner/name", "contributors": <contributors.json>, "events": <events.json>}}. */
    @POST
    @Path("/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportReport actions(InputStream body) {
        return imports.actions(body, currentUser.require(), dryRun);
    }

    /** {@code {"url": "jdbc:postgresql://host:5432/db", "user": "...", "password": "..."}}. */
    @POST
    @Path("/postgresql")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportReport postgresql(JsonObject body) {
        return imports.postgres(RequestBodies.text(body, "url", true), RequestBodies.text(body, "user", true),
                RequestBodies.text(body, "password", false), currentUser.require(), dryRun);
    }
}
