package io.meritocrab.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.inbox.Payload;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushEventsTest {

    @Test
    void aCommitAddingModifyingOrRemovingTheFileOnTheDefaultBranchReloads() {
        for (String list : List.of("added", "modified", "removed")) {
            Payload push = push("refs/heads/main", "main", false, false,
                    commit("README.md"), commit(list, ".meritocrab.toml"));

            assertThat(PushEvents.reloadReason(push)).as(list).contains(".meritocrab.toml changed");
        }
    }

    @Test
    void aPushNotTouchingTheFileDoesNot() {
        assertThat(PushEvents.reloadReason(push("refs/heads/main", "main", false, false,
                commit("README.md"), commit("modified", "docs/.meritocrab.toml")))).isEmpty();
        assertThat(PushEvents.reloadReason(push("refs/heads/main", "main", false, false))).isEmpty();
    }

    @Test
    void anotherBranchOrATagDoesNot() {
        assertThat(PushEvents.reloadReason(push("refs/heads/feature", "main", false, false,
                commit("modified", ".meritocrab.toml")))).isEmpty();
        assertThat(PushEvents.reloadReason(push("refs/tags/main", "main", false, false,
                commit("modified", ".meritocrab.toml")))).isEmpty();
        assertThat(PushEvents.reloadReason(push("refs/heads/main", "trunk", false, false,
                commit("modified", ".meritocrab.toml")))).isEmpty();
    }

    @Test
    void aForcePushOrANewDefaultBranchReloadsWhateverIsListed() {
        assertThat(PushEvents.reloadReason(push("refs/heads/main", "main", true, false))).contains("forced push");
        assertThat(PushEvents.reloadReason(push("refs/heads/main", "main", false, true, commit("README.md"))))
                .contains("branch created");
    }

    @Test
    void aLongCommitListMayBeCutShortSoItReloads() {
        JsonObjectBuilder[] commits = new JsonObjectBuilder[PushEvents.LISTED_COMMITS_CAP];
        for (int i = 0; i < commits.length; i++) {
            commits[i] = commit("src/File" + i + ".java");
        }

        assertThat(PushEvents.reloadReason(push("refs/heads/main", "main", false, false, commits)))
                .contains("20 commits listed, the list may be cut short");
    }

    @Test
    void aDeletedBranchDoesNot() {
        Payload deleted = Payload.parse(Json.createObjectBuilder().add("ref", "refs/heads/main")
                .add("deleted", true).add("forced", true)
                .add("repository", Json.createObjectBuilder().add("default_branch", "main"))
                .add("commits", Json.createArrayBuilder()).build().toString().getBytes(StandardCharsets.UTF_8));

        assertThat(PushEvents.reloadReason(deleted)).isEmpty();
    }

    private static Payload push(String ref, String defaultBranch, boolean forced, boolean created,
                                JsonObjectBuilder... commits) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder commit : commits) {
            list.add(commit);
        }
        return Payload.parse(Json.createObjectBuilder()
                .add("ref", ref)
                .add("before", "9049f1265b7d61be4a8904a9a27120d2064dab3b")
                .add("after", "6dcb09b5b57875f334f61aebed695e2e4193db5e")
                .add("created", created)
                .add("deleted", false)
                .add("forced", forced)
                .addNull("base_ref")
                .add("commits", list)
                .add("repository", Json.createObjectBuilder().add("id", 1296269).add("full_name", "octo/widgets")
                        .add("default_branch", defaultBranch).add("master_branch", defaultBranch))
                .build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObjectBuilder commit(String modified) {
        return commit("modified", modified);
    }

    private static JsonObjectBuilder commit(String list, String path) {
        JsonObjectBuilder commit = Json.createObjectBuilder()
                .add("id", "6dcb09b5b57875f334f61aebed695e2e4193db5e")
                .add("message", "Update " + path)
                .add("added", Json.createArrayBuilder())
                .add("removed", Json.createArrayBuilder())
                .add("modified", Json.createArrayBuilder());
        return commit.add(list, Json.createArrayBuilder().add(path));
    }
}
