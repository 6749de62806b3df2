package io.meritocrab.admin;

import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** A repository's effective configuration and its whole ledger as CSV. */
@Path("/api/repos/{owner}/{repo}")
@AdminAuthenticated
@RequestScoped
public class RepositorySettingsResource {

    @Inject
    LedgerQueries queries;
    @Inject
    RepositoryConfigQueries configs;
    @Inject
    LedgerExport export;

    @PathParam("owner")
    String owner;
    @PathParam("repo")
    String repo;

    @GET
    @Path("/config")
    @Produces(MediaType.APPLICATION_JSON)
    public Views.RepositoryConfig config() {
        return configs.of(queries.repository(owner, repo));
    }

    @GET
    @Path("/ledger.csv")
    @Produces("text/csv")
    public Response ledgerCsv() {
        TrackedRepository repository = queries.repository(owner, repo);
        StreamingOutput body = out -> export.write(repository,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        String file = repository.fullName().replace('/', '-') + "-ledger.csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }
}
