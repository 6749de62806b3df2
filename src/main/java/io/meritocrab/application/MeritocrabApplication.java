package io.meritocrab.application;

import io.meritocrab.admin.AdminErrors;
import io.meritocrab.admin.AppealsResource;
import io.meritocrab.admin.AdminTokenFilter;
import io.meritocrab.admin.ContributorActionsResource;
import io.meritocrab.admin.DeliveriesResource;
import io.meritocrab.admin.EvaluationsResource;
import io.meritocrab.admin.LedgerExportResource;
import io.meritocrab.admin.MeritocrabImportResource;
import io.meritocrab.admin.RepositoryConfigResource;
import io.meritocrab.admin.RepositoryLedgerResource;
import io.meritocrab.admin.SharedListsResource;
import io.meritocrab.admin.StatusResource;
import io.meritocrab.intake.WebhookResource;
import io.meritocrab.platform.UnexpectedErrors;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS application: webhooks under /webhooks, the admin API under /api. Its resources and
 * providers are listed rather than scanned: scanning would also find the MicroProfile Rest Client
 * interfaces (GitHub, Anthropic, OpenAI: class-level {@code @Path}), which Jersey on Payara then serves
 * as resources of this server.
 */
@ApplicationPath("/")
public class MeritocrabApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WebhookResource.class,
                ContributorActionsResource.class, DeliveriesResource.class, EvaluationsResource.class,
                LedgerExportResource.class, RepositoryConfigResource.class, RepositoryLedgerResource.class,
                StatusResource.class, MeritocrabImportResource.class,
                AdminTokenFilter.class, AdminErrors.MaintainerActionRefused.class, AdminErrors.NotAllowed.class,
                AdminErrors.ImportRefusedAnswer.class, AppealsResource.class, AdminErrors.AppealRefused.class,
                SharedListsResource.class, AdminErrors.SharedListRefused.class, UnexpectedErrors.class);
    }
}
