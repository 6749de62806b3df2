package io.meritocrab.evaluation.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Anthropic's Messages API; the raw answer is read by {@link ModelTransport}. */
@Path("/v1/messages")
public interface AnthropicApi {

    String VERSION = "2023-06-01";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response messages(@HeaderParam("x-api-key") String apiKey, @HeaderParam("anthropic-version") String version,
                      String body);
}
