package io.meritocrab.events;

import io.meritocrab.inbox.Payload;
import io.meritocrab.repos.RepositoryDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

/** Keeps the list of installations and served repositories current. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InstallationEvents {

    @Inject
    RepositoryDirectory directory;

    public String handle(String event, String action, Payload payload) {
        long installationId = payload.number("installation.id");
        String account = payload.optionalText("installation.account.login", "");
        if ("installation".equals(event)) {
            return switch (action) {
                case "created", "unsuspend", "new_permissions_accepted" -> {
                    directory.recordInstallation(installationId, account, true);
                    int served = serve(payload, "repositories", installationId, true);
                    yield "installation " + installationId + " " + action + ": " + served + " repositories served";
                }
                case "deleted", "suspend" -> {
                    directory.recordInstallation(installationId, account, false);
                    directory.stopServingInstallation(installationId);
                    yield "installation " + installationId + " " + action + ": its repositories are no longer served";
                }
                default -> "ignored: installation " + action;
            };
        }
        directory.recordInstallation(installationId, account, true);
        int added = serve(payload, "repositories_added", installationId, true);
        int removed = serve(payload, "repositories_removed", installationId, false);
        return "installation " + installationId + ": " + added + " repositories added, " + removed + " removed";
    }

    private int serve(Payload payload, String listPath, long installationId, boolean served) {
        int count = 0;
        for (JsonValue value : payload.array(listPath)) {
            JsonObject repository = value.asJsonObject();
            directory.upsert(repository.getJsonNumber("id").longValueExact(), repository.getString("full_name"),
                    installationId, served);
            count++;
        }
        return count;
    }
}
