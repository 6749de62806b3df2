package io.meritocrab.events;

import io.meritocrab.github.RepositoryRef;
import io.meritocrab.inbox.Payload;
import io.meritocrab.repoconfig.ConfigFileParser;
import io.meritocrab.repoconfig.RepositoryConfigs;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** A push to a repository's default branch that changes `.meritocrab.toml` reloads its configuration. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PushEvents {

    /**
     * GitHub lists at most this many commits in a push's timeline event (more in a webhook, but the
     * cap is not promised): a push listing this many or more may have touched the file unlisted.
     */
    static final int LISTED_COMMITS_CAP = 20;

    @Inject
    RepositoryDirectory directory;
    @Inject
    RepositoryConfigs configs;

    public String handle(Payload payload) {
        TrackedRepository repository = directory.ensureKnown(payload.number("repository.id"),
                payload.name("repository.full_name"), payload.optionalLong("installation.id"));
        if (!repository.served()) {
            return "ignored: repository not served";
        }
        String ref = payload.optionalText("ref", "");
        Optional<String> reason = reloadReason(payload);
        if (reason.isEmpty()) {
            return "push to " + ref + ": configuration unchanged";
        }
        Long installationId = repository.installationId();
        configs.reloadAfterCommit(repository.id(),
                installationId == null ? null : new RepositoryRef(installationId, repository.fullName()));
        return "push to " + ref + ": " + reason.get() + ", configuration reload requested";
    }

    /** Why the push may have changed the default branch's `.meritocrab.toml`; empty when it cannot have. */
    static Optional<String> reloadReason(Payload payload) {
        String defaultBranch = payload.optionalText("repository.default_branch", null);
        if (defaultBranch == null || !("refs/heads/" + defaultBranch).equals(payload.optionalText("ref", ""))) {
            return Optional.empty();
        }
        if (payload.flag("deleted")) {
            return Optional.empty();
        }
        if (payload.flag("forced")) {
            // A force push can bring back an older file without listing a commit that touches it.
            return Optional.of("forced push");
        }
        if (payload.flag("created")) {
            return Optional.of("branch created");
        }
        int listed = 0;
        for (JsonValue commit : payload.array("commits")) {
            listed++;
            if (commit instanceof JsonObject object && touchesFile(object)) {
                return Optional.of(ConfigFileParser.FILE_NAME + " changed");
            }
        }
        if (listed >= LISTED_COMMITS_CAP) {
            return Optional.of(listed + " commits listed, the list may be cut short");
        }
        return Optional.empty();
    }

    private static boolean touchesFile(JsonObject commit) {
        for (String list : new String[] {"added", "modified", "removed"}) {
            JsonValue paths = commit.get(list);
            if (paths != null && paths.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue path : paths.asJsonArray()) {
                    if (path instanceof JsonString string && ConfigFileParser.FILE_NAME.equals(string.getString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
