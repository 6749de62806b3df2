package io.meritocrab.startup;

import io.meritocrab.platform.Database;
import io.meritocrab.platform.SecretStrength;
import io.meritocrab.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the configuration (well formed, no guessable secrets) and the database before the server
 * serves anything. On a problem it logs
 * one message naming every bad setting (never a value) and the server stays unready: no migration,
 * no intake, no processing, webhooks answered 503, and the health checks DOWN.
 */
@ApplicationScoped
public class StartupValidation {

    private static final Logger LOG = Logger.getLogger(StartupValidation.class.getName());

    @Inject
    Database dataSource;
    @Inject
    Secrets secrets;
    @Inject @ConfigProperty(name = "meritocrab.db.url")
    Optional<String> databaseUrl;
    @Inject @ConfigProperty(name = "meritocrab.db.password")
    Optional<String> databasePassword;
    @Inject @ConfigProperty(name = "meritocrab.github.app-id")
    Optional<String> appId;
    @Inject @ConfigProperty(name = "meritocrab.github.private-key")
    Optional<String> privateKey;
    @Inject @ConfigProperty(name = "meritocrab.llm.provider")
    Optional<String> llmProvider;
    @Inject @ConfigProperty(name = "meritocrab.llm.api-key")
    Optional<String> llmApiKey;
    @Inject @ConfigProperty(name = "meritocrab.llm.base-url")
    Optional<String> llmBaseUrl;
    @Inject @ConfigProperty(name = "meritocrab.llm.default-classification")
    Optional<String> llmDefaultClassification;
    @Inject @ConfigProperty(name = "meritocrab.retention.payload-age")
    Optional<String> payloadAge;

    private volatile List<String> problems;

    /** Runs the checks once; true when the server may serve. */
    public synchronized boolean validate() {
        if (problems == null) {
            List<String> found = new ArrayList<>(SettingsCheck.problems(new SettingsCheck.Settings(
                    databaseUrl.filter(url -> !url.isBlank()).isEmpty(), secrets.webhookSecret(), appId, privateKey,
                    llmProvider, llmApiKey, llmBaseUrl, payloadAge, llmDefaultClassification)));
            found.addAll(SecretStrength.problems(databaseUrl.filter(url -> !url.isBlank()).isEmpty(), Map.of(
                    SecretStrength.WEBHOOK_SECRET, secrets.webhookSecret(),
                    SecretStrength.ADMIN_TOKEN, secrets.adminToken(),
                    SecretStrength.DB_PASSWORD, databasePassword)));
            databaseProblem().ifPresent(found::add);
            problems = List.copyOf(found);
            if (!problems.isEmpty()) {
                LOG.severe("Meritocrab will not serve until its configuration is fixed: "
                        + String.join("; ", problems));
            }
        }
        return problems.isEmpty();
    }

    /** The problems found, or empty before validation and when there were none. */
    public List<String> problems() {
        List<String> found = problems;
        return found == null ? List.of() : found;
    }

    private Optional<String> databaseProblem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5) ? Optional.empty()
                    : Optional.of("MERITOCRAB_DB_URL: the database does not answer");
        } catch (SQLException e) {
            // The driver's message can quote the URL or the user; the class and SQL state are enough.
            return Optional.of("MERITOCRAB_DB_URL: the database cannot be reached (" + e.getClass().getSimpleName()
                    + (e.getSQLState() == null ? "" : ", SQL state " + e.getSQLState())
                    + "; check MERITOCRAB_DB_USER and MERITOCRAB_DB_PASSWORD too)");
        }
    }
}
