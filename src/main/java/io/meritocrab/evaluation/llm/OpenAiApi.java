package io.meritocrab.evaluation.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenAI's Chat Completions at a base URL that ends in the API version (`https://api.openai.com/v1`,
 * `http://localhost:11434/v1`). The key goes as a bearer token, or in Azure's `api-key` header.
 */
@Path("/chat/completions")
public interface OpenAiApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response chatCompletions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                             @HeaderParam("api-key") String azureApiKey, String body);
}
