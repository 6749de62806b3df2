package io.meritocrab.events;

import io.meritocrab.inbox.GitHubName;
import io.meritocrab.inbox.MalformedPayloadException;
import io.meritocrab.inbox.Payload;
import io.meritocrab.repos.RepositoryDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
        String account = payload.has("installation.account.login") ? payload.name("installation.account.login") : "";
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
            if (!(value instanceof JsonObject repository) || !(repository.get("id") instanceof JsonNumber id)
                    || !(repository.get("full_name") instanceof JsonString name)) {
                throw new MalformedPayloadException(listPath + " holds an entry that is not a repository");
            }
            directory.upsert(repositoryId(id, listPath), GitHubName.require(name.getString(), listPath + ".full_name"),
                    installationId, served);
            count++;
        }
        return count;
    }

    private static long repositoryId(JsonNumber id, String listPath) {
        try {
            return id.longValueExact();
        } catch (ArithmeticException notALong) {
            throw new MalformedPayloadException(listPath + ".id is not a repository id");
        }
    }
}
