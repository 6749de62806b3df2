package io.meritocrab.evaluation.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * MicroProfile Rest Clients for the providers, one per provider, base URL and timeout, built on first
 * use. The read timeout is a little longer than the fault-tolerance timeout, so a call the timeout
 * gave up on does not hang on in the background.
 */
@ApplicationScoped
public class ModelClients {

    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    static final long READ_TIMEOUT_MARGIN_MILLIS = 500;

    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    /** The HTTP request carrying {@code body} to the provider the settings name. */
    Supplier<Response> request(LlmSettings settings, LlmProvider provider, String body) {
        URI base = settings.baseUrl(provider);
        long readTimeout = settings.timeoutMillis() + READ_TIMEOUT_MARGIN_MILLIS;
        String key = settings.apiKey().orElse(null);
        if (provider == LlmProvider.ANTHROPIC) {
            AnthropicApi api = client(AnthropicApi.class, base, readTimeout);
            return () -> api.messages(key, AnthropicApi.VERSION, body);
        }
        OpenAiApi api = client(OpenAiApi.class, base, readTimeout);
        boolean azureHeader = settings.keyInApiKeyHeader();
        String bearer = key == null || azureHeader ? null : "Bearer " + key;
        String apiKey = key != null && azureHeader ? key : null;
        return () -> api.chatCompletions(bearer, apiKey, body);
    }

    private <T> T client(Class<T> type, URI base, long readTimeoutMillis) {
        String cacheKey = type.getSimpleName() + ' ' + base + ' ' + readTimeoutMillis;
        return type.cast(clients.computeIfAbsent(cacheKey, k -> RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(type)));
    }
}
