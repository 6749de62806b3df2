package io.meritocrab.admin;

import io.meritocrab.repoconfig.EffectiveConfig;
import io.meritocrab.repoconfig.RepositoryConfigs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A repository's configuration in force: values with their source, the file, and load problems. */
@Path("/api/repos/{owner}/{repo}/config")
@Produces(MediaType.APPLICATION_JSON)
@AdminAuthenticated
@RequestScoped
public class RepositoryConfigResource {

    @Inject
    LedgerQueries queries;
    @Inject
    RepositoryConfigs configs;

    @GET
    public EffectiveConfig config(@PathParam("owner") String owner, @PathParam("repo") String repo) {
        return configs.effective(queries.repository(owner, repo).id());
    }
}
