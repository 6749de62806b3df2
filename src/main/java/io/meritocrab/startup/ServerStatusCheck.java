package io.meritocrab.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The original meritocrab's health answer carried version, uptime, database and LLM provider; this
 * check carries them as its data (always UP: whether the server may serve is the other checks'
 * business). The admin's `GET /api/status` has the same and more.
 */
@Readiness
@ApplicationScoped
public class ServerStatusCheck implements HealthCheck {

    @Inject
    ServerStatus status;

    @Override
    public HealthCheckResponse call() {
        ServerStatus.Status now = status.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("server").up()
                .withData("version", now.version())
                .withData("gitSha", now.gitSha())
                .withData("buildTime", now.buildTime())
                .withData("uptimeSeconds", now.uptimeSeconds())
                .withData("database", now.database().reachable() ? now.database().product() : "unreachable")
                .withData("migrationsApplied", now.database().migrationsApplied().size())
                .withData("llmProvider", now.llm().provider())
                .withData("installationsServed", now.gitHubApp().installationsServed());
        if (now.llm().answeredRecently() != null) {
            response.withData("llmAnsweredRecently", now.llm().answeredRecently());
        }
        if (now.gitHubApp().appId() != null) {
            response.withData("appId", now.gitHubApp().appId());
        }
        return response.build();
    }
}
