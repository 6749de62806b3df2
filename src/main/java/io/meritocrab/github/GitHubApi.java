package io.meritocrab.github;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * The GitHub REST endpoints the App uses, and its GraphQL endpoint (at the same base URL on github.com). Every method answers the raw {@link Response}: statuses and
 * rate-limit headers are interpreted by {@link GitHubCalls}, not turned into exceptions here.
 */
@Produces(GitHubApi.GITHUB_JSON)
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
@ClientHeaderParam(name = "User-Agent", value = "meritocrab")
public interface GitHubApi {

    String GITHUB_JSON = "application/vnd.github+json";

    @POST
    @Path("/app/installations/{installationId}/access_tokens")
    Response createInstallationToken(@PathParam("installationId") long installationId,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/repos/{owner}/{repo}/collaborators/{username}/permission")
    Response collaboratorPermission(@PathParam("owner") String owner, @PathParam("repo") String repo,
                                    @PathParam("username") String username,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/orgs/{org}/members/{username}")
    Response organisationMember(@PathParam("org") String organisation, @PathParam("username") String username,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/orgs/{org}/memberships/{username}")
    Response organisationMembership(@PathParam("org") String organisation, @PathParam("username") String username,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/repos/{owner}/{repo}/contents/{path}")
    @Produces("application/vnd.github.raw+json")
    Response rawFile(@PathParam("owner") String owner, @PathParam("repo") String repo,
                     @PathParam("path") String path, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/repos/{owner}/{repo}/pulls/{number}")
    Response pullRequest(@PathParam("owner") String owner, @PathParam("repo") String repo,
                         @PathParam("number") int number, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/repos/{owner}/{repo}/pulls/{number}")
    @Produces("application/vnd.github.diff")
    Response pullRequestDiff(@PathParam("owner") String owner, @PathParam("repo") String repo,
                             @PathParam("number") int number,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PATCH
    @Path("/repos/{owner}/{repo}/pulls/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updatePullRequest(@PathParam("owner") String owner, @PathParam("repo") String repo,
                               @PathParam("number") int number,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String json);

    @GET
    @Path("/repos/{owner}/{repo}/issues/{number}")
    Response issue(@PathParam("owner") String owner, @PathParam("repo") String repo,
                   @PathParam("number") int number, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/repos/{owner}/{repo}/issues/{number}/comments")
    Response issueComments(@PathParam("owner") String owner, @PathParam("repo") String repo,
                           @PathParam("number") int number, @QueryParam("per_page") int perPage,
                           @QueryParam("page") int page, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/repos/{owner}/{repo}/issues/{number}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createIssueComment(@PathParam("owner") String owner, @PathParam("repo") String repo,
                                @PathParam("number") int number,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String json);

    @GET
    @Path("/users/{username}")
    Response user(@PathParam("username") String username,
                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/user/{id}")
    Response userById(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/graphql")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response graphql(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String json);

    @GET
    @Path("/app/hook/deliveries")
    Response hookDeliveries(@QueryParam("per_page") int perPage, @QueryParam("cursor") String cursor,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/app/hook/deliveries/{deliveryId}/attempts")
    Response redeliver(@PathParam("deliveryId") long deliveryId,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
