package io.meritocrab.admin;

import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A repository's whole ledger as CSV. */
@Path("/api/repos/{owner}/{repo}")
@AdminAuthenticated
@RequestScoped
public class LedgerExportResource {

    private static final Logger LOG = Logger.getLogger(LedgerExportResource.class.getName());

    @Inject
    LedgerQueries queries;
    @Inject
    LedgerExport export;

    @PathParam("owner")
    String owner;
    @PathParam("repo")
    String repo;

    @GET
    @Path("/ledger.csv")
    @Produces("text/csv")
    public Response ledgerCsv() {
        TrackedRepository repository = queries.repository(owner, repo);
        StreamingOutput body = out -> {
            try {
                export.write(repository, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "CSV export of " + repository.fullName() + " failed", e);
                throw e;
            }
        };
        String file = repository.fullName().replace('/', '-') + "-ledger.csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }
}
