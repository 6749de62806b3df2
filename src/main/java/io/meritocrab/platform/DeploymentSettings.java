package io.meritocrab.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What differs between the embedded default and a deployment: whether a database is configured, the
 * secrets as configured (see {@link Secrets} for what is used when they are not), where generated local
 * secrets are kept, and the public address of the server when a proxy hides it.
 */
@ApplicationScoped
public class DeploymentSettings {

    @Inject @ConfigProperty(name = "meritocrab.db.url")
    Optional<String> databaseUrl;
    @Inject @ConfigProperty(name = "meritocrab.github.webhook-secret")
    Optional<String> webhookSecret;
    @Inject @ConfigProperty(name = "meritocrab.admin.token")
    Optional<String> adminToken;
    @Inject @ConfigProperty(name = "meritocrab.local-secrets.file", defaultValue = "data/local-secrets.properties")
    String localSecretsFile;
    @Inject @ConfigProperty(name = "meritocrab.console.base-url")
    Optional<String> publicBaseUrl;

    /** No database URL: the server runs on its embedded database with generated secrets. */
    public boolean embeddedDefault() {
        return nonBlank(databaseUrl).isEmpty();
    }

    public Optional<String> webhookSecret() {
        return nonBlank(webhookSecret);
    }

    public Optional<String> adminToken() {
        return nonBlank(adminToken);
    }

    public String localSecretsFile() {
        return localSecretsFile;
    }

    /** The public address of the server (without a trailing slash), when configured. */
    public Optional<String> publicBaseUrl() {
        return nonBlank(publicBaseUrl).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.filter(s -> !s.isBlank());
    }
}
